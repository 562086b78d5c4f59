export * from './codes.ts';
export * from './certification.ts';
export * from './exams.ts';
