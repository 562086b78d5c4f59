// 完成 and 转派 for an open follow-up, each for those allowed (contact.write, resident.assign),
// with their dialogs: the follow-ups list and the profile's card show the same actions.
import { useState } from 'react';
import { Button, Space } from 'antd';
import type { FollowUp } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompleteModal } from './CompleteModal.tsx';
import { ReassignModal } from './ReassignModal.tsx';

/** Whether the caller gets any action on open follow-ups (the list shows its actions column only then). */
export function useFollowUpActions() {
  const permissions = useActor().permissions;
  return { canComplete: permissions.includes('contact.write'), canReassign: permissions.includes('resident.assign') };
}

export function FollowUpActions({ task, primary = false }: { task: FollowUp; primary?: boolean }) {
  const { t } = useI18n();
  const { canComplete, canReassign } = useFollowUpActions();
  const [open, setOpen] = useState<'complete' | 'reassign' | null>(null);
  if (task.status === 'done') return null;
  return (
    <Space size={4}>
      {canComplete && (
        <Button size="small" type={primary ? 'primary' : 'default'} onClick={() => setOpen('complete')}>
          {t('fu.complete')}
        </Button>
      )}
      {canReassign && (
        <Button size="small" onClick={() => setOpen('reassign')}>
          {t('fu.reassign')}
        </Button>
      )}
      {open === 'complete' && <CompleteModal task={task} onClose={() => setOpen(null)} />}
      {open === 'reassign' && <ReassignModal task={task} onClose={() => setOpen(null)} />}
    </Space>
  );
}
