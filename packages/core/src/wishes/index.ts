export * from './wishes.ts';
export * from './messages.ts';
