// Small pieces shared by the group pages: the status tag and the caller's rights.
import { Tag } from 'antd';
import type { GroupStatus } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

const COLORS: Record<GroupStatus, string> = { recruiting: 'blue', running: 'green', ended: 'default', cancelled: 'red' };

export function GroupStatusTag({ status }: { status: GroupStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`group.status.${status}`)}</Tag>;
}

export function useGroupRights() {
  const { permissions } = useActor();
  return { canWrite: permissions.includes('group.write') };
}
