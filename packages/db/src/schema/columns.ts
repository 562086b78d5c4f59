import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Area codes are digits: C order is their natural order. Indexing them in C collation lets
// the leakproof range of inArea() narrow a scan under RLS and return rows already in order.
export const areaC = (c: AnyPgColumn) => sql`${c} COLLATE "C"`;
