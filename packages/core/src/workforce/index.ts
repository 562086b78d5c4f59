export * from './codes.ts';
export * from './certification.ts';
export * from './training.ts';
