// API contract of talent programmes and awards (人才选拔、评优表彰, issue 10 items 6–7): one staged
// selection (apply → review → written → panel → 公示 → done, stages chosen per programme),
// applications with decisions, written scores, panel scores, objections, training plans.
import { z } from 'zod';
import { PROGRAMME_KINDS, PROGRAMME_STAGES, APPLICATION_STATUSES } from '../workforce/programmes.ts';
import { SW_LEVELS, TITLE_KINDS } from '../workforce/codes.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';
import { publicMobile } from './public-accounts.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const version = z.number().int().min(1);
export const programmeKind = z.enum(PROGRAMME_KINDS);
export const programmeStage = z.enum(PROGRAMME_STAGES);
export const applicationStatus = z.enum(APPLICATION_STATUSES);

export const rubricCriterion = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,19}$/, { error: 'programme.rubricKey' }),
  label: z.string().trim().min(1, { error: 'field.required' }).max(30),
  max: z.number().positive({ error: 'programme.rubricMax' }).max(100, { error: 'programme.rubricMax' }),
});
export const programmeCriteria = z.object({
  minLevel: z.enum(SW_LEVELS).nullable().optional(),
  minYears: z.number().int().min(0).max(50).nullable().optional(),
  text: optionalText(500),
});

export const programmeCreateBody = z
  .object({
    requestId: uuid.optional(),
    kind: programmeKind,
    title: z.string().trim().min(2, { error: 'field.required' }).max(60),
    description: optionalText(2000),
    areaCode,
    year: z.number().int().min(2000).max(2100),
    places: z.number().int().min(1, { error: 'programme.places' }).max(1000, { error: 'programme.places' }),
    /** Optional stages chosen (review, written, panel); apply, publicity and done are always there. */
    stages: z
      .array(z.enum(['review', 'written', 'panel']))
      .max(3)
      .default([]),
    criteria: programmeCriteria.default({}),
    rubric: z.array(rubricCriterion).max(10).default([]),
    titleKind: z.enum(TITLE_KINDS).nullable().optional(),
    publicityDays: z.number().int().min(1, { error: 'programme.publicityDays' }).max(30, { error: 'programme.publicityDays' }).default(7),
    endsOn: isoDate.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.stages.includes('panel') && !b.rubric.length)
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: 'programme.rubricNeeded' });
    if (b.kind === 'award' && !b.titleKind) ctx.addIssue({ code: 'custom', path: ['titleKind'], message: 'programme.titleNeeded' });
    if (new Set(b.rubric.map((c) => c.key)).size !== b.rubric.length)
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: 'programme.rubricKey' });
  });
export type ProgrammeCreateBody = z.output<typeof programmeCreateBody>;

export const programme = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  kind: programmeKind,
  title: z.string(),
  description: z.string().nullable(),
  year: z.number().int(),
  places: z.number().int(),
  stages: z.array(programmeStage),
  stage: programmeStage,
  criteria: programmeCriteria,
  rubric: z.array(rubricCriterion),
  titleKind: z.enum(TITLE_KINDS).nullable(),
  publicityDays: z.number().int(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  panelClosed: z.boolean(),
  panel: z.array(z.object({ userId: uuid, name: z.string() })),
  endsOn: z.string().nullable(),
  counts: z.object({ all: z.number().int(), active: z.number().int(), selected: z.number().int(), rejected: z.number().int() }),
  openObjections: z.number().int(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Programme = z.infer<typeof programme>;

export const programmeListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  kind: programmeKind.optional(),
  stage: programmeStage.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const advanceBody = z.object({ to: programmeStage, version });
export const panelBody = z.object({ userIds: z.array(uuid).min(1, { error: 'programme.panelEmpty' }).max(15), version });
export const programmeVersionBody = z.object({ version });

const eligibility = z.object({
  key: z.enum(['level', 'years']),
  required: z.union([z.string(), z.number()]),
  actual: z.union([z.string(), z.number()]).nullable(),
  ok: z.boolean().nullable(),
});
export const scoreSummary = z.object({
  scored: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  range: z.number().nullable(),
  sd: z.number().nullable(),
  missing: z.array(z.object({ userId: uuid, name: z.string() })),
  rank: z.number().int().nullable(),
});

export const application = z.object({
  id: uuid,
  programmeId: uuid,
  areaCode: z.string(),
  workerId: uuid.nullable(),
  name: z.string(),
  orgName: z.string().nullable(),
  route: z.enum(['self', 'nominated']),
  nominatedByName: z.string().nullable(),
  statement: z.string().nullable(),
  status: applicationStatus,
  /** The furthest stage reached (where a rejection happened). */
  stage: programmeStage,
  /** The last deciding stage this application was passed at (null before any pass). */
  passedStage: programmeStage.nullable(),
  reason: z.string().nullable(),
  writtenScore: z.number().nullable(),
  eligibility: z.array(eligibility),
  panel: scoreSummary.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof application>;

export const applicationListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  status: applicationStatus.optional(),
  sort: z.enum(['createdAt', 'name', '-writtenScore', '-panelMean']).default('createdAt'),
});

export const nominateBody = z.object({ requestId: uuid.optional(), workerId: uuid, statement: optionalText(1000) });
export const selfApplyBody = z.object({ requestId: uuid.optional(), statement: optionalText(1000) });
export const publicApplyBody = z.object({ statement: optionalText(1000), orgName: optionalText(100) });

export const decisionBody = z.object({ decision: z.enum(['pass', 'reject']), reason: optionalText(500), version }).superRefine((b, ctx) => {
  if (b.decision === 'reject' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'programme.reasonNeeded' });
});

export const programmeAppParams = z.object({ id: uuid, appId: uuid });
export const programmeItemParams = z.object({ id: uuid, itemId: uuid });

export const writtenScoresBody = z.object({
  scores: z
    .array(z.object({ applicationId: uuid, score: z.number().min(0, { error: 'programme.score' }).max(100, { error: 'programme.score' }) }))
    .min(1)
    .max(1000),
});
export const writtenImportBody = z.object({ file: z.string().min(10).max(4_000_000) });
export const writtenImportResult = z.object({
  saved: z.number().int(),
  unmatched: z.array(z.object({ row: z.number().int(), name: z.string(), reason: z.enum(['noMatch', 'score']) })),
});

export const panelScoreBody = z.object({ scores: z.record(z.string(), z.number().min(0).max(100)) });
export const myPanel = z.object({
  programmeId: uuid,
  title: z.string(),
  rubric: z.array(rubricCriterion),
  closed: z.boolean(),
  items: z.array(
    z.object({
      applicationId: uuid,
      name: z.string(),
      orgName: z.string().nullable(),
      scores: z.record(z.string(), z.number()).nullable(),
      total: z.number().nullable(),
    }),
  ),
});

export const decision = z.object({
  id: uuid,
  applicationId: uuid.nullable(),
  applicantName: z.string().nullable(),
  action: z.string(),
  fromStage: programmeStage.nullable(),
  toStage: programmeStage.nullable(),
  reason: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});

export const objection = z.object({
  id: uuid,
  programmeId: uuid,
  applicantName: z.string().nullable(),
  name: z.string(),
  mobileMasked: z.string().nullable(),
  text: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const answerBody = z.object({ answer: z.string().trim().min(2, { error: 'programme.answerNeeded' }).max(1000) });

export const planItemBody = z.object({
  course: z.string().trim().min(2, { error: 'field.required' }).max(60),
  hours: z.number().min(0.5).max(500),
  dueOn: isoDate.nullable().optional(),
});
export const planItemUpdate = z.object({ hoursDone: z.number().min(0).max(500), version });
export const planItem = z.object({
  id: uuid,
  applicationId: uuid,
  course: z.string(),
  hours: z.number(),
  hoursDone: z.number(),
  dueOn: z.string().nullable(),
  version: z.number().int(),
});
export const appointee = z.object({
  applicationId: uuid,
  name: z.string(),
  orgName: z.string().nullable(),
  hours: z.number(),
  hoursDone: z.number(),
  items: z.array(planItem),
});

/** The applicant's own view: the stage reached and, when rejected, the reason. */
export const myApplication = z.object({
  id: uuid,
  programmeId: uuid,
  programmeTitle: z.string(),
  kind: programmeKind,
  programmeStage: programmeStage,
  status: applicationStatus,
  stage: programmeStage,
  reason: z.string().nullable(),
  createdAt: z.string(),
});

// Public (公示): names and organisations of the selected only.
export const publicProgrammeSummary = z.object({
  id: uuid,
  kind: programmeKind,
  title: z.string(),
  year: z.number().int(),
  stage: z.enum(['apply', 'publicity']),
  areaName: z.string(),
  publicityEnd: z.string().nullable(),
});
export const publicProgramme = publicProgrammeSummary.extend({
  description: z.string().nullable(),
  places: z.number().int(),
  publicityStart: z.string().nullable(),
  /** The 公示 has run its days (objections are no longer taken). */
  ended: z.boolean(),
  selected: z.array(z.object({ id: uuid, name: z.string(), orgName: z.string().nullable() })),
});
export const publicObjectionBody = z.object({
  applicationId: uuid.nullable().optional(),
  name: z.string().trim().min(1, { error: 'field.required' }).max(30),
  mobile: publicMobile,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'publicAccount.code' }),
  text: z.string().trim().min(5, { error: 'programme.objectionText' }).max(1000, { error: 'programme.objectionText' }),
});
export const accountObjectionBody = publicObjectionBody.pick({ applicationId: true, text: true });
export const objectionReceipt = z.object({ id: uuid, createdAt: z.string() });
