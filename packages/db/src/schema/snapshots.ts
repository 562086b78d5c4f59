// Daily coverage snapshots (覆盖率快照), one per area and business date, written once after the
// day ended and never updated (migration 0016): the 12-month trend reads them.
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';

export const coverageSnapshots = pgTable(
  'coverage_snapshots',
  {
    areaCode: text('area_code').notNull(), // province, city, county or street
    onDate: date('on_date', { mode: 'string' }).notNull(), // the business date the figure is for
    registered: integer('registered').notNull(),
    covered: integer('covered').notNull(),
    /** Computed after the fact for a past month-end of a new installation (not on the night itself). */
    backfilled: boolean('backfilled').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'coverage_snapshots_pk', columns: [t.areaCode, t.onDate] }),
    index('coverage_snapshots_area_idx').using('btree', areaC(t.areaCode), t.onDate),
  ],
);
