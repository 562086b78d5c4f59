export * from './matcher.ts';
export * from './fit.ts';
