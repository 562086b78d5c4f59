// Due time of a follow-up, relative ("47 小时后到期" / "已逾期 3 小时") for the lists.
import type { Translate as T } from '../../i18n/index.tsx';

export function relativeDue(dueAt: string, now: number, t: T): string {
  const diff = new Date(dueAt).getTime() - now;
  const abs = Math.abs(diff);
  const [n, unit]: [number, 'm' | 'h' | 'd'] =
    abs < 3_600_000
      ? [Math.max(1, Math.round(abs / 60_000)), 'm']
      : abs < 48 * 3_600_000
        ? [Math.round(abs / 3_600_000), 'h']
        : [Math.round(abs / 86_400_000), 'd'];
  const d = t(`fu.unit.${unit}`, { n });
  return diff >= 0 ? t('fu.dueIn', { d }) : t('fu.overdueBy', { d });
}

export const STATUS_COLORS = { open: 'blue', overdue: 'red', done: 'green' } as const;
