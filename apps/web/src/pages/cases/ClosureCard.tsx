// 结案: at review the worker asks for closure with a closing summary and every goal's final state
// (asked first; the head approves it, which closes the case). Once asked, and after closing, the
// summary is shown.
import { App, Button, Card, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { GOAL_STATUSES, caseClosureSubmit, type GoalStatus } from '@wushe/core';
import { ApiError } from '../../api/client.ts';
import { useSubmitClosure, type CaseDetail } from '../../api/cases.ts';
import { applyFieldErrors, useProblem, validateDeep } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { NarrativeHidden, ReturnedNotice, useCaseRights } from './tags.tsx';

interface Values {
  summary?: string;
  goals?: Record<string, GoalStatus | undefined>;
}

function ClosureForm({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const submit = useSubmitClosure(c.id);
  const [form] = Form.useForm<Values>();
  const goals = c.plan?.goals ?? [];

  const send = async () => {
    // The form's own rules first (their messages name the field), then the server's schema.
    if (
      !(await form.validateFields().then(
        () => true,
        () => false,
      ))
    )
      return;
    const v = form.getFieldsValue(true) as Values;
    const input = {
      version: c.version,
      summary: v.summary ?? '',
      goals: goals.map((g) => ({ id: g.id, status: v.goals?.[g.id] })),
    };
    // A goal's problem (goals.N.status) is shown on that goal's field.
    const alias = Object.fromEntries(goals.map((g, i) => [`goals.${i}.status`, ['goals', g.id]]));
    const body = validateDeep(caseClosureSubmit, input, form, lang, alias);
    if (!body) return;
    submit.mutate(body, {
      onSuccess: () => void message.success(t('cs.closureSubmitted')),
      onError: (e) => {
        if (e instanceof ApiError && e.problem.errors?.length) applyFieldErrors(form, e.problem.errors, alias);
        showProblem(e);
      },
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ goals: Object.fromEntries(goals.map((g) => [g.id, g.status === 'open' ? undefined : g.status])) }}
    >
      <Form.Item label={t('cs.closureSummary')} name="summary" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('cs.closureSummaryPlaceholder')} />
      </Form.Item>
      {goals.length > 0 && <Typography.Text strong>{t('cs.closureGoals')}</Typography.Text>}
      {goals.map((g, i) => (
        <Form.Item
          key={g.id}
          label={`${i + 1}. ${g.title}`}
          name={['goals', g.id]}
          rules={[{ required: true, message: t('case.closureGoals') }]}
          style={{ marginTop: 8 }}
        >
          <Select
            placeholder={t('cs.goal.finalState')}
            options={GOAL_STATUSES.filter((s) => s !== 'open').map((s) => ({ value: s, label: t(`cs.goal.status.${s}`) }))}
          />
        </Form.Item>
      ))}
      <Popconfirm
        title={t('cs.closureConfirm')}
        description={t('cs.closureConfirmHint')}
        okText={t('cs.submitClosure')}
        cancelText={t('cancel')}
        onConfirm={send}
      >
        <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.isPending}>
          {t('cs.submitClosure')}
        </Button>
      </Popconfirm>
    </Form>
  );
}

export function ClosureCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const asking = c.stage === 'review' && c.closureStatus !== 'submitted';

  const body = () => {
    if (c.narrativeHidden) return <NarrativeHidden compact />;
    if (asking && canWrite)
      return (
        <>
          {c.closureStatus === 'returned' && <ReturnedNotice caseId={c.id} kind="closure" />}
          <ClosureForm key={`${c.id}:${c.version}`} c={c} />
        </>
      );
    if (c.closingSummary)
      return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.closingSummary}</Typography.Paragraph>;
    return <Typography.Text type="secondary">{t('cs.noClosure')}</Typography.Text>;
  };

  return (
    <Card
      title={t(c.stage === 'closed' ? 'cs.closedSummary' : 'cs.closure')}
      size="small"
      extra={c.closureStatus === 'submitted' && <Tag color="gold">{t('cs.approval.closureSubmitted')}</Tag>}
    >
      {body()}
    </Card>
  );
}
