// Three recent PHQ-9 screens with item 9 positive in 江头街道, so the demo shows the urgent path:
// the station head's alerts and follow-ups due within 48 hours — one open, one overdue, one
// completed with its outcome. Deterministic: the first adults of the street with a worker.
import { addDays, PHQ9, scoreAssessment, URGENT_FOLLOW_UP_HOURS, urgentNotice, type AssessmentAnswers } from '@wushe/core';
import { stableId } from '../seed.ts';
import type { PlannedResident } from './population.ts';

export interface UrgentScreen {
  residentIndex: number;
  assessmentId: string;
  answers: AssessmentAnswers;
  result: ReturnType<typeof scoreAssessment>;
  assessedOn: string;
  assessedAt: string;
  assessedBy: string;
  followUp: { id: string; dueAt: string; doneAt: string | null; outcome: string | null };
  /** The alert's title and body and the follow-up's reason, worded as the server words them. */
  notice: ReturnType<typeof urgentNotice>;
  notify: boolean;
}

const STREET = '350206004';
/** Days ago, and whether the follow-up was done (with what). */
const PLAN: { daysAgo: number; outcome: string | null }[] = [
  { daysAgo: 1, outcome: null },
  { daysAgo: 4, outcome: null },
  { daysAgo: 20, outcome: '当日入户，与本人及家属面谈，评估自伤风险为低；已转介社区卫生服务中心心理门诊，约定每周电话随访' },
];

/** Answers with the given item scores (others 0): a moderate total and item 9 at 1. */
function answersOf(): AssessmentAnswers {
  const scores: Record<string, number> = { phq9_1: 2, phq9_2: 2, phq9_3: 1, phq9_4: 2, phq9_6: 1, phq9_9: 1 };
  return Object.fromEntries(PHQ9.items.map((it) => [it.code, it.options.find((o) => o.score === (scores[it.code] ?? 0))!.value]));
}

export function planUrgentScreens(list: PlannedResident[], today: string): UrgentScreen[] {
  const chosen = list.filter(
    (r) =>
      r.generation === 'adult' && r.input.areaCode.startsWith(STREET) && r.input.assignedWorkerId && r.registeredOn < addDays(today, -30),
  );
  return PLAN.slice(0, chosen.length).map((p, k) => {
    const r = chosen[k]!;
    const answers = answersOf();
    const assessedOn = addDays(today, -p.daysAgo);
    const assessedAt = `${assessedOn}T02:30:00.000Z`; // 10:30 in Shanghai
    const due = new Date(Date.parse(assessedAt) + URGENT_FOLLOW_UP_HOURS * 3_600_000).toISOString();
    return {
      residentIndex: r.index,
      assessmentId: stableId(`demo:urgent-assessment:${r.index}`),
      answers,
      result: scoreAssessment(PHQ9, answers, {}),
      assessedOn,
      assessedAt,
      assessedBy: r.input.assignedWorkerId!,
      followUp: {
        id: stableId(`demo:follow-up:${r.index}`),
        dueAt: due,
        doneAt: p.outcome ? new Date(Date.parse(assessedAt) + 6 * 3_600_000).toISOString() : null,
        outcome: p.outcome,
      },
      notice: urgentNotice(PHQ9, r.input.name),
      notify: !p.outcome,
    };
  });
}
