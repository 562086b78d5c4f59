// The people-served rollup (migration 0030): per district, city and province (level = the area
// prefix's length) and person, the days they were served there, as a datemultirange; and the
// people whose rows changed since (marked by triggers on attendance and cases).
import { bigint, customType, date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

const datemultirange = customType<{ data: string }>({ dataType: () => 'datemultirange' });

export const outputsPeople = pgTable(
  'outputs_people',
  {
    level: smallint('level').notNull(),
    areaCode: text('area_code').notNull(), // COLLATE "C" in the migration
    personKey: text('person_key').notNull(),
    days: datemultirange('days').notNull(),
    /** The last day served ('infinity' while a case is open) and where that open run began (migration 0033). */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    tailStart: date('tail_start', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'outputs_people_pkey', columns: [t.level, t.areaCode, t.personKey] }),
    index('outputs_people_person_idx').on(t.personKey),
    index('outputs_people_late_idx').on(t.level, t.lastDay, t.tailStart),
  ],
);

/** How many people's last served day is each day, per level and area (migration 0033). */
export const outputsPeopleLast = pgTable(
  'outputs_people_last',
  {
    level: smallint('level').notNull(),
    areaCode: text('area_code').notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ name: 'outputs_people_last_pkey', columns: [t.level, t.areaCode, t.lastDay] })],
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

/** Additive outputs per district and Asia/Shanghai day, kept by triggers (migration 0037). */
export const outputsDaily = pgTable(
  'outputs_daily',
  {
    areaCode: text('area_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    personTimes: integer('person_times').notNull().default(0),
    activities: integer('activities').notNull().default(0),
    casesOpened: integer('cases_opened').notNull().default(0),
    casesClosed: integer('cases_closed').notNull().default(0),
    satTotal: integer('sat_total').notNull().default(0),
    satAnswers: integer('sat_answers').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'outputs_daily_pkey', columns: [t.areaCode, t.day] })],
);
