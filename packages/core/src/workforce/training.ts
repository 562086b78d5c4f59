// Trainings (培训) and continuing-education hours (继续教育, issue 10 items 4–5): code lists,
// the hours per registration cycle, the completion rule and the teacher rating. The server and
// the web read these; nothing else counts hours.
import { highestLevel, registrationCycle, type RegistrationCycle } from './certification.ts';
import type { SwLevel } from './codes.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const TRAINING_LEVELS = ['beginner', 'intermediate', 'advanced', 'exam_prep', 'on_the_job', 'supervision'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const TRAINING_LEVEL_LABELS: Labels<TrainingLevel> = {
  beginner: { zh: '初级', en: 'Beginner' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  advanced: { zh: '高级', en: 'Advanced' },
  exam_prep: { zh: '考前辅导', en: 'Exam preparation' },
  on_the_job: { zh: '岗位培训', en: 'On-the-job' },
  supervision: { zh: '督导培训', en: 'Supervision' },
};

export const SESSION_MODES = ['offline', 'online', 'mixed'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const SESSION_MODE_LABELS: Labels<SessionMode> = {
  offline: { zh: '线下', en: 'In person' },
  online: { zh: '线上直播', en: 'Live online' },
  mixed: { zh: '线上线下结合', en: 'Mixed' },
};

/** Required hours per registration cycle by level: configurable, these are the defaults. */
export type RequiredHours = Record<SwLevel, number>;
export const DEFAULT_REQUIRED_HOURS: RequiredHours = { assistant: 72, intermediate: 90, senior: 90 };

/** A credited hour entry: a session attended (its Asia/Shanghai day) or an approved manual record. */
export interface HoursEntry {
  day: string;
  hours: number;
}

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiDay = (at: string | Date): string => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Hours rounded to one decimal, as they are stored and shown. */
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Hours of the entries falling in the cycle: its first and last days included. */
export function hoursInCycle(cycle: Pick<RegistrationCycle, 'start' | 'end'>, entries: readonly HoursEntry[]): number {
  return round1(entries.reduce((sum, e) => (e.day >= cycle.start && e.day <= cycle.end ? sum + e.hours : sum), 0));
}

export interface CeCertificate {
  kind: string;
  obtainedOn: string;
  registeredOn: string | null;
}

export interface CeCycle extends RegistrationCycle {
  /** The requirement's level: the highest held at the cycle's end (or today, if that is earlier: later ones do not exist yet). */
  level: SwLevel;
  required: number;
  hours: number;
  missing: number;
  daysLeft: number;
}

const SW = new Set(['assistant', 'intermediate', 'senior']);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The registration the cycles run from: the earliest registration date among the worker's
 * social-work certificates (the registration continues across a move up a level). Null without one.
 */
export function cycleAnchor(certs: readonly CeCertificate[]): string | null {
  let anchor: string | null = null;
  for (const c of certs) if (SW.has(c.kind) && c.registeredOn && (!anchor || c.registeredOn < anchor)) anchor = c.registeredOn;
  return anchor;
}

/**
 * A worker's cycle containing `day` with its hours and requirement. The rule for a level that
 * changes mid-cycle: the requirement of the highest social-work level held at the cycle's end.
 */
export function ceCycle(
  certs: readonly CeCertificate[],
  entries: readonly HoursEntry[],
  day: string,
  required: RequiredHours,
): CeCycle | null {
  const anchor = cycleAnchor(certs);
  if (!anchor) return null;
  const cycle = registrationCycle(anchor, day);
  if (!cycle) return null;
  const level = highestLevel(certs, cycle.end);
  if (!level) return null;
  const hours = hoursInCycle(cycle, entries);
  const need = required[level];
  return { ...cycle, level, required: need, hours, missing: round1(Math.max(need - hours, 0)), daysLeft: daysBetween(day, cycle.end) };
}

/** Every cycle from the first registration to the one containing `day`, latest first. */
export function ceCycles(certs: readonly CeCertificate[], entries: readonly HoursEntry[], day: string, required: RequiredHours): CeCycle[] {
  const out: CeCycle[] = [];
  let c = ceCycle(certs, entries, day, required);
  while (c) {
    out.push(c);
    if (c.n === 1) break;
    const prevEnd = new Date(Date.parse(`${c.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const prev = ceCycle(certs, entries, prevEnd, required);
    c = prev && { ...prev, daysLeft: daysBetween(day, prev.end) };
  }
  return out;
}

/** Reminders before a cycle ends: 90 and 30 days ahead, each once. The one due on `daysLeft`, if any. */
export const CE_REMINDER_DAYS = [90, 30] as const;
export function reminderDue(daysLeft: number, sent: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  // the nearest threshold reached and not yet sent (after a 30-day reminder the 90-day one is moot)
  const reached = CE_REMINDER_DAYS.filter((d) => daysLeft <= d).sort((a, b) => a - b)[0];
  return reached !== undefined && !sent.some((s) => s <= reached) ? reached : null;
}

/** Completion: attended hours reach the course's required share of its hours (a share 0–1). */
export function completed(attendedHours: number, courseHours: number, requiredShare: number): boolean {
  return courseHours > 0 && attendedHours + 1e-9 >= courseHours * requiredShare;
}

/** A teacher's rating: the mean of every evaluation answer (1–5) of the courses they taught, 2 places; null without answers. */
export function meanRating(answers: readonly (readonly number[])[]): number | null {
  let sum = 0;
  let n = 0;
  for (const a of answers)
    for (const x of a) {
      sum += x;
      n++;
    }
  return n ? Math.round((sum / n) * 100) / 100 : null;
}

/** The waiting list moves up in order: the places a cancellation frees go to the earliest waiting. */
export function promotions(capacity: number | null, registered: number, waitingInOrder: readonly string[]): string[] {
  if (capacity === null) return [...waitingInOrder];
  return waitingInOrder.slice(0, Math.max(capacity - registered, 0));
}
