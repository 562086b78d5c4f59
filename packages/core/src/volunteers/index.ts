export * from './matcher.ts';
export * from './fit.ts';
export * from './outputs.ts';
