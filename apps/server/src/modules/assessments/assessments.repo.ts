// Instruments (versioned data) and assessments. Answers stay sealed in answers_cipher; list
// reads never touch that column.
import type { Assessment, InstrumentDefinition } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface InstrumentRow {
  code: string;
  version: string;
  definition: InstrumentDefinition;
}

/** Every active instrument version, newest version first within a code. */
export function activeInstruments(db: Db): Promise<InstrumentRow[]> {
  return rows<InstrumentRow>(
    db,
    sql`SELECT code, version, definition FROM instruments WHERE active ORDER BY code, created_at DESC, version DESC`,
  );
}

/** The asked-for version, or the newest active one. */
export async function instrumentFor(db: Db, code: string, version?: string): Promise<InstrumentRow | undefined> {
  const found = await rows<InstrumentRow>(
    db,
    sql`SELECT code, version, definition FROM instruments WHERE code = ${code} AND active
      ${version ? sql`AND version = ${version}` : sql``} ORDER BY created_at DESC, version DESC LIMIT 1`,
  );
  return found[0];
}

export interface NewAssessment {
  id: string;
  residentId: string;
  areaCode: string;
  instrumentCode: string;
  instrumentVersion: string;
  reason: string;
  answersCipher: string;
  total: number;
  level: string | null;
  band: string | null;
  flags: string[];
  suggestedCareLevel: number | null;
  confirmedCareLevel: number | null;
  overrideReason: string | null;
  assessedBy: string;
  assessedOn: string;
}

export async function insertAssessment(db: Db, a: NewAssessment): Promise<void> {
  await db.execute(sql`INSERT INTO assessments (id, resident_id, area_code, instrument_code, instrument_version, reason, answers_cipher,
      total, level, band, flags, suggested_care_level, confirmed_care_level, override_reason, assessed_by, assessed_on)
    VALUES (${a.id}, ${a.residentId}, ${a.areaCode}, ${a.instrumentCode}, ${a.instrumentVersion}, ${a.reason}, ${a.answersCipher},
      ${a.total}, ${a.level}, ${a.band}, ${sql`ARRAY[${sql.join(
        a.flags.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]`},
      ${a.suggestedCareLevel}, ${a.confirmedCareLevel}, ${a.overrideReason}, ${a.assessedBy}, ${a.assessedOn})`);
}

const columns = (lang: 'zh' | 'en') => sql`a.id, a.resident_id AS "residentId", a.instrument_code AS "instrumentCode",
  a.instrument_version AS "instrumentVersion", coalesce(i.definition->'name'->>${lang}, a.instrument_code) AS "instrumentName",
  a.reason, a.total, a.level, a.band,
  (SELECT b->'label'->>${lang} FROM jsonb_array_elements(i.definition->'bands') b WHERE b->>'code' = a.band LIMIT 1) AS "bandLabel",
  a.flags, a.suggested_care_level AS "suggestedCareLevel", a.confirmed_care_level AS "confirmedCareLevel",
  a.override_reason AS "overrideReason", a.assessed_on::text AS "assessedOn", u.display_name AS "assessedByName"`;

const FROM = sql`FROM assessments a
  LEFT JOIN instruments i ON i.code = a.instrument_code AND i.version = a.instrument_version
  LEFT JOIN users u ON u.id = a.assessed_by`;

type Row = Assessment & { assessedBy?: string; answersCipher?: string };

const normalise = (r: Row): Row => ({
  ...r,
  total: Number(r.total),
  suggestedCareLevel: r.suggestedCareLevel === null ? null : Number(r.suggestedCareLevel),
  confirmedCareLevel: r.confirmedCareLevel === null ? null : Number(r.confirmedCareLevel),
});

/** A resident's assessments, newest first (the profile's trend chart reads total/level per instrument). */
export async function assessmentsOf(db: Db, scope: string, residentId: string, lang: 'zh' | 'en'): Promise<Assessment[]> {
  const found = await rows<Row>(
    db,
    sql`SELECT ${columns(lang)} ${FROM} WHERE a.resident_id = ${residentId} AND ${inArea(sql`a.area_code`, scope)}
      ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC`,
  );
  return found.map(normalise);
}

/** One assessment with its sealed answers and assessor (for the detail view only). */
export async function assessmentById(
  db: Db,
  scope: string,
  id: string,
  lang: 'zh' | 'en',
): Promise<(Assessment & { assessedBy: string | null; answersCipher: string; areaCode: string }) | undefined> {
  const found = await rows<Row & { assessedBy: string | null; answersCipher: string; areaCode: string }>(
    db,
    sql`SELECT ${columns(lang)}, a.assessed_by AS "assessedBy", a.answers_cipher AS "answersCipher", a.area_code AS "areaCode"
      ${FROM} WHERE a.id = ${id} AND ${inArea(sql`a.area_code`, scope)}`,
  );
  return found[0] && (normalise(found[0]) as Assessment & { assessedBy: string | null; answersCipher: string; areaCode: string });
}

/** Points the care-level change just written in this transaction at the assessment behind it. */
export async function tagLevelChange(db: Db, residentId: string, assessmentId: string): Promise<void> {
  await db.execute(sql`UPDATE care_level_changes SET assessment_id = ${assessmentId}
    WHERE id = (SELECT id FROM care_level_changes WHERE resident_id = ${residentId} AND assessment_id IS NULL ORDER BY changed_at DESC, id DESC LIMIT 1)`);
}
