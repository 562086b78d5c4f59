// 服务计划: the editor while the plan may change (before intervention, not while the head has
// it), else the plan as approved: its goals with their state and latest progress (recorded here
// during intervention and review), services and note.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { GOAL_STATUSES, caseProgress, planEditable, progressOpen, type CaseGoal, type GoalStatus } from '@wushe/core';
import { useRecordProgress, type CaseDetail } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { NarrativeHidden, ReturnedNotice, useCaseRights } from './tags.tsx';

export const GOAL_COLORS: Record<GoalStatus, string> = { open: 'blue', achieved: 'green', partly: 'gold', not_achieved: 'red' };
const PLAN_COLORS = { draft: 'default', submitted: 'gold', approved: 'green', returned: 'red' } as const;

function ProgressModal({ c, goal, onClose }: { c: CaseDetail; goal: CaseGoal; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const record = useRecordProgress(c.id);
  const [form] = Form.useForm<{ status: GoalStatus; progress?: string }>();

  const submit = (v: { status: GoalStatus; progress?: string }) => {
    const body = validateWith(
      caseProgress,
      { version: c.version, goalId: goal.id, status: v.status, progress: v.progress ?? '' },
      form,
      lang,
    );
    if (!body) return;
    record.mutate(body, {
      onSuccess: () => {
        message.success(t('cs.progressSaved'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={`${t('cs.progressTitle')} · ${goal.title}`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {goal.measure} · {formatDate(goal.targetDate)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: goal.status }}>
        <Form.Item label={t('cs.goal.status')} name="status" rules={[{ required: true }]}>
          <Select options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`cs.goal.status.${s}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('cs.goal.progress')}
          name="progress"
          rules={[{ required: true, whitespace: true, message: t('field.required') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PlanView({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const services = useCodeLabels('service_type');
  const [goal, setGoal] = useState<CaseGoal | null>(null);
  const plan = c.plan;
  if (!plan || (!plan.goals.length && !plan.services.length && !plan.note))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cs.noPlan')} />;
  const recording = canWrite && progressOpen(c);

  return (
    <>
      <List
        size="small"
        header={<Typography.Text strong>{t('cs.goals')}</Typography.Text>}
        dataSource={plan.goals}
        locale={{ emptyText: t('cs.noGoals') }}
        renderItem={(g, i) => (
          <List.Item
            actions={
              recording
                ? [
                    <Button key="p" size="small" icon={<EditOutlined aria-hidden />} onClick={() => setGoal(g)}>
                      {t('cs.recordProgress')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>
                    {i + 1}. {g.title}
                  </span>
                  <Tag color={GOAL_COLORS[g.status]}>{t(`cs.goal.status.${g.status}`)}</Tag>
                </Space>
              }
              description={
                <>
                  <div>
                    {t('cs.goal.measure')}: {g.measure} · {t('cs.goal.targetDate')}: {formatDate(g.targetDate)}
                  </div>
                  {g.progress && (
                    <div style={{ whiteSpace: 'pre-wrap' }}>
                      {t('cs.goal.progress')}: {g.progress}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {plan.services.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('cs.services')}: </Typography.Text>
          {plan.services.map((s) => (
            <Tag key={s}>{services.labelOf(s)}</Tag>
          ))}
        </div>
      )}
      {plan.note && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text strong>{t('cs.planNote')}: </Typography.Text>
          {plan.note}
        </Typography.Paragraph>
      )}
      {goal && <ProgressModal c={c} goal={goal} onClose={() => setGoal(null)} />}
    </>
  );
}

export function PlanCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const editing = canWrite && !c.narrativeHidden && planEditable(c);
  const started = c.planStatus !== 'draft' || !!c.plan?.goals.length;

  return (
    <Card
      title={t('cs.plan')}
      size="small"
      extra={started && <Tag color={PLAN_COLORS[c.planStatus]}>{t(`cs.planStatus.${c.planStatus}`)}</Tag>}
    >
      {c.narrativeHidden ? (
        <NarrativeHidden compact />
      ) : (
        <>
          {c.planStatus === 'returned' && <ReturnedNotice caseId={c.id} kind="plan" />}
          {editing ? <PlanEditor key={`${c.id}:${c.version}`} c={c} /> : <PlanView c={c} />}
        </>
      )}
    </Card>
  );
}
