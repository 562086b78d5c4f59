// The conditions behind the resident list's filters, written once: the list (filterSql) and the
// 工作台 counts (modules/dashboard) use the same SQL, so a figure and the list it opens agree.
// The resident is aliased `r`.
import { addDays, addMonths, ASSESSMENT_STALE_MONTHS } from '@wushe/core';
import { sql, type SQL } from 'drizzle-orm';
import { overdueToday } from '../coverage/standing.repo.ts';

/** Overdue (domain brief §4): the coverage rule's own condition (coverage/standing.repo.ts). */
export const overdueSql = (today: string): SQL => overdueToday(today);

/** Due this week: the next visit falls today or within 7 days (not overdue). */
export const dueSoonSql = (today: string): SQL => sql`r.next_due_on BETWEEN ${today}::date AND ${addDays(today, 7)}::date`;

export const unassignedSql = (): SQL => sql`r.assigned_worker_id IS NULL`;

/** No assessment dated within the past 12 months (assessments_resident_idx answers each). */
export const withoutAssessmentSql = (today: string): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM assessments a WHERE a.resident_id = r.id AND a.assessed_on > ${addMonths(today, -ASSESSMENT_STALE_MONTHS)}::date)`;
