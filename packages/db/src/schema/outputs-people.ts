// The people-served rollup (migration 0030): per district, city and province (level = the area
// prefix's length) and person, the days they were served there, as a datemultirange; and the
// people whose rows changed since (marked by triggers on attendance and cases).
import { bigint, customType, index, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

const datemultirange = customType<{ data: string }>({ dataType: () => 'datemultirange' });

export const outputsPeople = pgTable(
  'outputs_people',
  {
    level: smallint('level').notNull(),
    areaCode: text('area_code').notNull(), // COLLATE "C" in the migration
    personKey: text('person_key').notNull(),
    days: datemultirange('days').notNull(),
  },
  (t) => [
    primaryKey({ name: 'outputs_people_pkey', columns: [t.level, t.areaCode, t.personKey] }),
    index('outputs_people_person_idx').on(t.personKey),
  ],
);

export const outputsPeopleDirty = pgTable(
  'outputs_people_dirty',
  {
    areaCode: text('area_code').notNull(),
    personKey: text('person_key').notNull(),
    changes: bigint('changes', { mode: 'number' }).notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'outputs_people_dirty_pkey', columns: [t.areaCode, t.personKey] }),
    index('outputs_people_dirty_person_idx').on(t.personKey),
  ],
);
