// Jobs (招聘, issue 10 item 9): a post's status, an application's stages and the rules that move
// them, the salary range shown in yuan, and the certificate-level match of a candidate.
import { SW_LEVELS, type SwLevel } from './codes.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const JOB_STATUSES = ['draft', 'open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Labels<JobStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '招聘中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
};
/** A post is drafted, opened to the public, then closed; nothing goes back. */
const JOB_MOVES: Record<JobStatus, JobStatus[]> = { draft: ['open', 'closed'], open: ['closed'], closed: [] };
export const canMoveJob = (from: JobStatus, to: JobStatus) => JOB_MOVES[from].includes(to);

export const FAIR_STATUSES = ['draft', 'published', 'ended'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];
export const FAIR_STATUS_LABELS: Labels<FairStatus> = {
  draft: { zh: '筹备中', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  ended: { zh: '已结束', en: 'Ended' },
};
const FAIR_MOVES: Record<FairStatus, FairStatus[]> = { draft: ['published'], published: ['ended'], ended: [] };
export const canMoveFair = (from: FairStatus, to: FairStatus) => from === to || FAIR_MOVES[from].includes(to);

/** The employer's pipeline, then the three ends (hired, declined by the employer, withdrawn by the candidate). */
export const APPLICATION_STAGES = ['applied', 'screened', 'interview', 'offer', 'hired', 'declined', 'withdrawn'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];
export const APPLICATION_STAGE_LABELS: Labels<ApplicationStage> = {
  applied: { zh: '已投递', en: 'Applied' },
  screened: { zh: '通过筛选', en: 'Screened' },
  interview: { zh: '面试', en: 'Interview' },
  offer: { zh: '录用通知', en: 'Offer' },
  hired: { zh: '已入职', en: 'Hired' },
  declined: { zh: '未录用', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
const PIPELINE: ApplicationStage[] = ['applied', 'screened', 'interview', 'offer', 'hired'];
export const isOpenStage = (s: ApplicationStage) => s === 'applied' || s === 'screened' || s === 'interview' || s === 'offer';

/**
 * The employer moves an application one step along the pipeline, or declines it from any open
 * stage; the candidate withdraws from any open stage. Everything else is illegal (409).
 */
export function canMoveApplication(from: ApplicationStage, to: ApplicationStage, by: 'employer' | 'candidate'): boolean {
  if (!isOpenStage(from)) return false;
  if (by === 'candidate') return to === 'withdrawn';
  if (to === 'declined') return true;
  const i = PIPELINE.indexOf(from);
  return i >= 0 && PIPELINE[i + 1] === to;
}

/** The next pipeline stage of an open application (for the board's "next" button). */
export const nextApplicationStage = (s: ApplicationStage): ApplicationStage | null =>
  isOpenStage(s) ? (PIPELINE[PIPELINE.indexOf(s) + 1] ?? null) : null;

/** A candidate's highest level meets a post's requirement (none required: everyone does). */
export function meetsLevel(held: SwLevel | 'none' | null, required: SwLevel | null): boolean {
  if (!required) return true;
  if (!held || held === 'none') return false;
  return SW_LEVELS.indexOf(held) >= SW_LEVELS.indexOf(required);
}

/** Salary in fen per month as the page shows it: "4,500–6,000 元/月", "面议" when open. */
export function salaryText(minFen: number | null, maxFen: number | null, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const y = (f: number) => Math.round(f / 100).toLocaleString('en-US');
  const unit = lang === 'en' ? ' yuan/month' : ' 元/月';
  if (minFen === null && maxFen === null) return lang === 'en' ? 'Negotiable' : '面议';
  if (minFen !== null && maxFen !== null) return minFen === maxFen ? `${y(minFen)}${unit}` : `${y(minFen)}–${y(maxFen)}${unit}`;
  if (minFen !== null) return lang === 'en' ? `From ${y(minFen)}${unit}` : `${y(minFen)}${unit}起`;
  return `${lang === 'en' ? 'Up to ' : '最高 '}${y(maxFen!)}${unit}`;
}
