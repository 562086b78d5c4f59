// 完成, 转派 and 开案 for an open follow-up, each for those allowed (contact.write,
// resident.assign, case.write), with their dialogs: the follow-ups list and the profile's card
// show the same actions. 开案 opens the case form for the resident, linked to the follow-up, and
// goes to the new case.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Space } from 'antd';
import type { FollowUp } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OpenCaseForm } from '../cases/CaseForm.tsx';
import { CompleteModal } from './CompleteModal.tsx';
import { ReassignModal } from './ReassignModal.tsx';

/** Whether the caller gets any action on open follow-ups (the list shows its actions column only then). */
export function useFollowUpActions() {
  const permissions = useActor().permissions;
  return {
    canComplete: permissions.includes('contact.write'),
    canReassign: permissions.includes('resident.assign'),
    canOpenCase: permissions.includes('case.write'),
  };
}

export function FollowUpActions({ task, primary = false }: { task: FollowUp; primary?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canComplete, canReassign, canOpenCase } = useFollowUpActions();
  const [open, setOpen] = useState<'complete' | 'reassign' | 'case' | null>(null);
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
      {canOpenCase && (
        <Button size="small" onClick={() => setOpen('case')}>
          {t('sv.openCase')}
        </Button>
      )}
      {open === 'case' && (
        <OpenCaseForm
          resident={{ id: task.residentId, name: task.residentName, areaCode: task.areaCode }}
          followUp={{ id: task.id, reason: task.reason }}
          onClose={() => setOpen(null)}
          onOpened={(c) => navigate(`/cases/${c.id}`)}
        />
      )}
      {open === 'complete' && <CompleteModal task={task} onClose={() => setOpen(null)} />}
      {open === 'reassign' && <ReassignModal task={task} onClose={() => setOpen(null)} />}
    </Space>
  );
}
