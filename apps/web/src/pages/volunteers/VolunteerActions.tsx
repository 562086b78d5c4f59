// The status moves a volunteer allows now (core volunteerMove): 确认注册 a self-registration
// (asked first), 暂停 and 退出 with a reason, 恢复 with an optional one; and 编辑.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { VOLUNTEER_ACTION_LABELS, VOLUNTEER_ACTIONS, volunteerMove, type VolunteerAction } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useVolunteerTransition, type Volunteer } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useVolunteerRights } from './tags.tsx';

type ReasonAction = Exclude<VolunteerAction, 'confirm'>;
const HINT: Record<ReasonAction, 'vol.suspendHint' | 'vol.resumeHint' | 'vol.leaveHint'> = {
  suspend: 'vol.suspendHint',
  resume: 'vol.resumeHint',
  leave: 'vol.leaveHint',
};

function ReasonModal({ v, action, onClose }: { v: Volunteer; action: ReasonAction; onClose: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const move = useVolunteerTransition(v.id);
  const [form] = Form.useForm<{ reason?: string }>();
  const needed = action !== 'resume';
  const what = label(VOLUNTEER_ACTION_LABELS[action]);
  const submit = ({ reason }: { reason?: string }) =>
    move.mutate(
      { action, reason: reason?.trim() || null, version: v.version },
      {
        onSuccess: () => {
          message.success(t('vol.done', { what }));
          onClose();
        },
        onError: (e) => showProblem(e, form, onClose),
      },
    );
  return (
    <Modal
      open
      title={`${what}：${v.name}`}
      okText={what}
      okButtonProps={{ danger: action !== 'resume' }}
      cancelText={t('cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(HINT[action])}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={needed ? t('vol.reason') : t('vol.reasonOptional')}
          name="reason"
          rules={needed ? [{ required: true, whitespace: true, message: t('vol.reasonNeeded') }] : []}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function VolunteerActions({ v, onEdit }: { v: Volunteer; onEdit: () => void }) {
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useVolunteerRights();
  const move = useVolunteerTransition(v.id);
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  if (!canWrite) return null;
  const allowed = VOLUNTEER_ACTIONS.filter((a) => volunteerMove(v.status, a));
  const confirm = () =>
    modal.confirm({
      title: t('vol.confirmTitle', { name: v.name }),
      content: t('vol.confirmHint'),
      okText: label(VOLUNTEER_ACTION_LABELS.confirm),
      cancelText: t('cancel'),
      onOk: () =>
        move.mutateAsync({ action: 'confirm', version: v.version }).then(
          () => void message.success(t('vol.done', { what: label(VOLUNTEER_ACTION_LABELS.confirm) })),
          (e: Error) => showProblem(e),
        ),
    });
  return (
    <>
      <Space wrap>
        {v.status !== 'left' && <Button onClick={onEdit}>{t('edit')}</Button>}
        {allowed.map((a) => (
          <Button
            key={a}
            type={a === 'confirm' || a === 'resume' ? 'primary' : 'default'}
            danger={a === 'suspend' || a === 'leave'}
            onClick={() => (a === 'confirm' ? confirm() : setAsking(a))}
          >
            {label(VOLUNTEER_ACTION_LABELS[a])}
          </Button>
        ))}
      </Space>
      {asking && <ReasonModal v={v} action={asking} onClose={() => setAsking(null)} />}
    </>
  );
}
