export * from './codes.ts';
export * from './certification.ts';
export * from './exams.ts';
export * from './rubric.ts';
export * from './programmes.ts';
export * from './training.ts';
export * from './dashboard.ts';
