// Small shared bits of the residents pages: care level and due status tags.
import { Tag } from 'antd';
import type { VisitInterval } from '@wushe/core';
import { useI18n } from '../../i18n/index.tsx';

export const CARE_LEVEL_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'green' };

export function CareLevelTag({ level }: { level: number }) {
  const { t } = useI18n();
  return <Tag color={CARE_LEVEL_COLOR[level]}>{t('res.careLevelN', { n: level })}</Tag>;
}

export function DueTag({ due, days }: { due: string; days?: number }) {
  const { t } = useI18n();
  if (due === 'overdue') return <Tag color="red">{days ? t('res.overdueDays', { n: days }) : t('res.due.overdue')}</Tag>;
  if (due === 'due_soon') return <Tag color="orange">{t('res.due.due_soon')}</Tag>;
  return <Tag color="default">{t('res.due.ok')}</Tag>;
}

/** "至少每 2 周走访一次" for a care level's interval. */
export function useIntervalText() {
  const { t } = useI18n();
  return (iv: VisitInterval | undefined) => (iv ? t('res.interval', { n: iv.count, unit: t(`unit.${iv.unit}`) }) : '');
}
