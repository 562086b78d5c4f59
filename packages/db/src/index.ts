export * from './client.ts';
export * from './migrate.ts';
export * from './ids.ts';
export * from './seed.ts';
export * from './password-hash.ts';
export * as schema from './schema/index.ts';
export { loadDivisionSubtree, nameInitials, cleanAreaName, type AreaRow } from './areas/index.ts';
export * from './queries.ts';
