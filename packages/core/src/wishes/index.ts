export * from './wishes.ts';
export * from './claimants.ts';
export * from './messages.ts';
