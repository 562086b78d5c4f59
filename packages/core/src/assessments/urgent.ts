// The wording of an urgent screening flag, shared by the assessment service and the demo so an
// alert and its follow-up read the same wherever they were made.
import { addDays, shanghaiToday } from '../coverage/window.ts';
import type { InstrumentDefinition } from './schema.ts';

/** The demo's older urgent flags were followed up within this many hours. */
export const URGENT_FOLLOW_UP_HOURS = 48;

/**
 * An urgent flag's follow-up is due by the end of the flag's day in Asia/Shanghai, or `days`
 * later (a setting; 0 by default): suicide-risk protocols expect contact the same day.
 */
export function urgentDueAt(now: Date, days: number): Date {
  return new Date(`${addDays(shanghaiToday(now), days)}T23:59:59+08:00`);
}

/** The short name of an instrument: the bracketed part of its Chinese name (PHQ-9), else its code. */
export function shortName(def: InstrumentDefinition): string {
  return /（([^）]+)）/.exec(def.name.zh)?.[1] ?? def.code.toUpperCase();
}

/**
 * An urgent flag's alert title and body for the station head, and the follow-up's reason. The
 * title says "第 9 题阳性" when the flag rests on one item, else the flag's label.
 */
export function urgentNotice(def: InstrumentDefinition, residentName: string): { title: string; body: string; reason: string } {
  const rule = def.flags.find((f) => f.flag === 'urgent');
  const label = rule?.label?.zh ?? '紧急风险';
  const cond = rule?.when;
  const index = cond && 'item' in cond ? def.items.findIndex((i) => i.code === cond.item) : -1;
  const what = index >= 0 ? `第 ${index + 1} 题阳性` : label;
  return { title: `紧急：${residentName} 的 ${shortName(def)} ${what}`, body: label, reason: `${shortName(def)}：${label}` };
}
