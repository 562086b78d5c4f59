import { Tag } from 'antd';
import type { ActivityStatus } from '@wushe/core';
import { useMe } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

const COLOR: Record<ActivityStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };

export function StatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`activity.status.${status}`)}</Tag>;
}

export function useActivityRights() {
  const { data: actor } = useMe();
  return { canWrite: !!actor?.permissions.includes('activity.write') };
}
