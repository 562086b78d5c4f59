// API contract of jobs (招聘) and job fairs (招聘会), issue 10 item 9: posts by organisations,
// the public jobs pages, applications by public accounts with a CV, the employer's stages, and
// hires added to the workforce register.
import { z } from 'zod';
import { EDUCATION_LEVELS, SW_LEVELS } from '../workforce/codes.ts';
import { APPLICATION_STAGES, FAIR_STATUSES, JOB_STATUSES } from '../workforce/jobs.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const optionalDate = isoDate
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));
/** Salary in fen per month (the form asks yuan); up to 1,000,000 yuan. */
const salaryFen = z.number().int({ error: 'job.salary' }).min(0, { error: 'job.salary' }).max(100_000_000, { error: 'job.salary' });

export const jobStatus = z.enum(JOB_STATUSES);
export const fairStatus = z.enum(FAIR_STATUSES);
export const applicationStage = z.enum(APPLICATION_STAGES);
export const jobLevel = z.enum(SW_LEVELS);
export const candidateLevel = z.enum([...SW_LEVELS, 'none']);
export const educationLevel = z.enum(EDUCATION_LEVELS);

const jobFields = z.object({
  orgId: z.uuid({ error: 'job.org' }),
  areaCode,
  title: z.string().trim().min(2, { error: 'field.required' }).max(60),
  description: z.string().trim().min(10, { error: 'job.description' }).max(3000),
  headcount: z.number().int().min(1, { error: 'job.headcount' }).max(200, { error: 'job.headcount' }),
  salaryMinFen: salaryFen.nullable().optional(),
  salaryMaxFen: salaryFen.nullable().optional(),
  certLevel: jobLevel.nullable().optional(),
  education: educationLevel.nullable().optional(),
  experienceYears: z.number().int().min(0, { error: 'job.years' }).max(40, { error: 'job.years' }).default(0),
  deadline: optionalDate,
});

const salaryOrdered = (b: { salaryMinFen?: number | null; salaryMaxFen?: number | null }) =>
  b.salaryMinFen == null || b.salaryMaxFen == null || b.salaryMinFen <= b.salaryMaxFen;
const salaryIssue = { error: 'job.salaryRange', path: ['salaryMaxFen'] };

export const jobCreateBody = jobFields.refine(salaryOrdered, salaryIssue);
export const jobUpdateBody = jobFields
  .partial()
  .extend({ experienceYears: jobFields.shape.experienceYears.removeDefault().optional(), version: z.number().int().min(1) })
  .refine(salaryOrdered, salaryIssue);
export const jobStatusBody = z.object({ status: jobStatus, version: z.number().int().min(1) });

export const job = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  orgId: uuid,
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  headcount: z.number().int(),
  salaryMinFen: z.number().int().nullable(),
  salaryMaxFen: z.number().int().nullable(),
  certLevel: jobLevel.nullable(),
  education: educationLevel.nullable(),
  experienceYears: z.number().int(),
  deadline: z.string().nullable(),
  status: jobStatus,
  /** Applications by stage (staff answers only). */
  counts: z.object({ total: z.number().int(), open: z.number().int(), hired: z.number().int() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof job>;

export const jobListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  org: uuid.optional(),
  status: jobStatus.optional(),
  level: z.enum([...SW_LEVELS, 'none']).optional(),
  sort: z.enum(['-createdAt', 'deadline', 'title']).default('-createdAt'),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

/** An application as the employer sees it: the mobile masked, the CV by its own download. */
export const jobApplication = z.object({
  id: uuid,
  jobId: uuid,
  jobTitle: z.string(),
  areaCode: z.string(),
  name: z.string(),
  mobileMasked: z.string(),
  education: educationLevel.nullable(),
  certLevel: candidateLevel,
  years: z.number().int(),
  note: z.string().nullable(),
  cv: z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }),
  stage: applicationStage,
  reason: z.string().nullable(),
  workerId: uuid.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobApplication = z.infer<typeof jobApplication>;

export const jobApplicationListQuery = pageQuery.extend({
  stage: applicationStage.optional(),
  q: z.string().trim().max(40).optional(),
});

export const applicationStageBody = z
  .object({ stage: applicationStage, reason: optionalText(300), version: z.number().int().min(1) })
  .refine((b) => b.stage !== 'declined' || Boolean(b.reason), { error: 'job.reasonNeeded', path: ['reason'] });
export const applicationRevealBody = z.object({ reason: z.string().trim().min(2, { error: 'reveal.reason' }).max(200) });
export const applicationRevealResponse = z.object({ mobile: z.string() });

/** A CV: PDF or Word, base64, at most 2 MB (checked by its magic bytes too). */
export const CV_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const cvUpload = z.object({
  filename: z.string().trim().min(1, { error: 'job.cvName' }).max(120),
  contentType: z.enum(CV_TYPES, { error: 'job.cvType' }),
  data: z.string().min(1, { error: 'job.cvNeeded' }),
});

export const publicJobApplyBody = z.object({
  education: educationLevel.nullable().optional(),
  certLevel: candidateLevel,
  years: z.number().int().min(0, { error: 'job.years' }).max(50, { error: 'job.years' }),
  note: optionalText(500),
  cv: cvUpload,
});

/** The candidate's own view of an application: the stage and, when declined, the reason. */
export const myJobApplication = z.object({
  id: uuid,
  jobId: uuid,
  jobTitle: z.string(),
  orgName: z.string(),
  stage: applicationStage,
  reason: z.string().nullable(),
  cvFilename: z.string(),
  createdAt: z.string(),
});
export const myJobApplicationAnswer = z.object({ application: myJobApplication.nullable() });

// The public side: open posts (no applicant, no contact person).
export const publicJob = z.object({
  id: uuid,
  title: z.string(),
  orgName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  description: z.string(),
  headcount: z.number().int(),
  salaryMinFen: z.number().int().nullable(),
  salaryMaxFen: z.number().int().nullable(),
  certLevel: jobLevel.nullable(),
  education: educationLevel.nullable(),
  experienceYears: z.number().int(),
  deadline: z.string().nullable(),
  status: jobStatus,
  fairs: z.array(z.object({ id: uuid, title: z.string(), startsAt: z.string() })),
});
export type PublicJob = z.infer<typeof publicJob>;
export const publicJobSummary = publicJob.omit({ description: true, fairs: true });
export const publicJobListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  level: z.enum([...SW_LEVELS, 'none']).optional(),
});

const fairFields = z.object({
  areaCode,
  title: z.string().trim().min(2, { error: 'field.required' }).max(80),
  description: optionalText(2000),
  startsAt: z.iso.datetime({ offset: true, error: 'fair.timeNeeded' }),
  endsAt: z.iso.datetime({ offset: true, error: 'fair.timeNeeded' }),
  place: z.string().trim().min(2, { error: 'field.required' }).max(120),
  organiser: z.string().trim().min(2, { error: 'field.required' }).max(100),
  orgIds: z.array(uuid).max(100).default([]),
  jobIds: z.array(uuid).max(300).default([]),
});
const fairOrdered = (b: { startsAt?: string; endsAt?: string }) => !b.startsAt || !b.endsAt || b.startsAt < b.endsAt;
const fairIssue = { error: 'fair.times', path: ['endsAt'] };
export const fairCreateBody = fairFields.refine(fairOrdered, fairIssue);
// (the links without their create default: an edit that leaves them out keeps them)
export const fairUpdateBody = fairFields
  .partial()
  .extend({
    orgIds: z.array(uuid).max(100).optional(),
    jobIds: z.array(uuid).max(300).optional(),
    status: fairStatus.optional(),
    version: z.number().int().min(1),
  })
  .refine(fairOrdered, fairIssue);

const fairOrgPosts = z.object({
  orgId: uuid,
  orgName: z.string(),
  jobs: z.array(z.object({ id: uuid, title: z.string(), headcount: z.number().int(), status: jobStatus })),
});
export const jobFair = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  organiser: z.string(),
  status: fairStatus,
  orgs: z.array(fairOrgPosts),
  version: z.number().int(),
});
export type JobFair = z.infer<typeof jobFair>;
export const jobFairSummary = jobFair.omit({ orgs: true, description: true }).extend({
  orgCount: z.number().int(),
  jobCount: z.number().int(),
});
export const fairListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  status: fairStatus.optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});
export const publicJobFair = jobFair.omit({ version: true, areaCode: true });
export const publicJobFairSummary = jobFairSummary.omit({ version: true, areaCode: true });
