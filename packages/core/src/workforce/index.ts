export * from './codes.ts';
export * from './certification.ts';
