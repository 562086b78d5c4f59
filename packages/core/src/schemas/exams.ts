// API contract for the professional level exam (职业水平考试, issue 10 item 3): sittings per
// year, registrations (a worker on the register, or a person by name and sealed ID number)
// with their subject results, the pass-rate statistics, and the Excel imports' report.
import { z } from 'zod';
import { EXAM_SUBJECTS } from '../workforce/exams.ts';
import { SW_LEVELS } from '../workforce/codes.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const swLevel = z.enum(SW_LEVELS);
export const examSubject = z.enum(EXAM_SUBJECTS);

export const examSittingBody = z.object({
  areaCode,
  year: z.number().int().min(2008, { error: 'exams.year' }).max(2100, { error: 'exams.year' }),
  examDate: z.iso.date({ error: 'field.date' }),
  note: optionalText(200),
});
export const examSitting = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  year: z.number().int(),
  examDate: z.string(),
  note: z.string().nullable(),
  registered: z.number().int(),
  passed: z.number().int(),
});
export type ExamSitting = z.infer<typeof examSitting>;

export const examResult = z.object({
  subject: examSubject,
  score: z.number().nullable(),
  passed: z.boolean(),
});

export const examRegistrationBody = z.object({
  /** A client-made id: a repeated submit answers the registration the first one made. */
  requestId: uuid.optional(),
  workerId: uuid.nullable().optional(),
  name: optionalText(40),
  idNumber: optionalText(18),
  areaCode: areaCode.optional(),
  level: swLevel,
});
export type ExamRegistrationBody = z.output<typeof examRegistrationBody>;

export const examResultsBody = z.object({
  results: z
    .array(z.object({ subject: examSubject, score: z.number().min(0).max(150).nullable().optional(), passed: z.boolean().optional() }))
    .max(2),
  version: z.number().int().min(1),
});

export const examRegistration = z.object({
  id: uuid,
  sittingId: uuid,
  year: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  workerId: uuid.nullable(),
  orgName: z.string().nullable(),
  name: z.string(),
  idMasked: z.string().nullable(),
  level: swLevel,
  /** Subjects sat this year (the others carried over from the year before). */
  subjects: z.array(examSubject),
  carried: z.array(examSubject),
  results: z.array(examResult),
  levelPassed: z.boolean(),
  certificateId: uuid.nullable(),
  version: z.number().int(),
});
export type ExamRegistration = z.infer<typeof examRegistration>;

export const examRegistrationQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  level: swLevel.optional(),
  outcome: z.enum(['passed', 'failed', 'pending']).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

export const examStatsQuery = z.object({
  area: areaCode.optional(),
  year: z.coerce.number().int().min(2008).max(2100).optional(),
  level: swLevel.optional(),
});
const passCounts = z.object({
  registered: z.number().int(),
  passed: z.number().int(),
  rate: z.number().nullable(),
  /** Percentage points above (+) or below (−) the area above, one decimal. */
  pointsAbove: z.number().nullable(),
});
export const examStats = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  parent: z
    .object({ code: z.string(), name: z.string(), registered: z.number().int(), passed: z.number().int(), rate: z.number().nullable() })
    .nullable(),
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  level: swLevel.nullable(),
  total: passCounts,
  byLevel: z.array(passCounts.extend({ level: swLevel })),
  groupBy: z.enum(['area', 'org']),
  /** Each row compared with the area shown (its area above). */
  rows: z.array(passCounts.extend({ key: z.string(), name: z.string(), drill: z.string().nullable() })),
});
export type ExamStats = z.infer<typeof examStats>;

/** One row of an import's report: imported, or why not (messages already in the caller's language). */
export const importRowReport = z.object({
  row: z.number().int(),
  name: z.string(),
  status: z.enum(['ok', 'error']),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
});
export const importReport = z.object({
  imported: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  /** Missing required columns (nothing read). */
  missingColumns: z.array(z.string()),
  rows: z.array(importRowReport),
});
export type ImportReport = z.infer<typeof importReport>;
