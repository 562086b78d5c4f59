// 个案记录: every event of the case, newest first, filterable by kind, and a note added on top.
// Texts of a sensitive case's events are hidden from those who may not read its narrative.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Space, Timeline, Typography } from 'antd';
import { CASE_EVENT_KINDS, CONTACT_KIND_LABELS, caseNote } from '@wushe/core';
import { useAddCaseNote, useCaseTimeline, type CaseDetail, type CaseEvent, type CaseEventKind } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { GOAL_COLORS } from './PlanCard.tsx';
import { StageTag, useCaseRights } from './tags.tsx';

const KIND_COLORS: Partial<Record<CaseEventKind, string>> = {
  opened: 'blue',
  reopened: 'blue',
  plan_submitted: 'gold',
  closure_submitted: 'gold',
  plan_approved: 'green',
  closure_approved: 'green',
  plan_returned: 'red',
  closure_returned: 'red',
  note: 'gray',
  contact: 'cyan',
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

interface Labels {
  t: Translate;
  label: (pair: { zh: string; en: string }) => string;
  type: (code: string) => string;
  service: (code: string) => string;
}

/** One line saying what happened, from the event's plain facts. */
function describe(e: CaseEvent, { t, label, type: typeLabel, service }: Labels): string {
  const d = e.detail;
  const stage = (s: unknown) => (typeof s === 'string' && s ? t(`case.stage.${s as CaseDetail['stage']}`) : '—');
  switch (e.kind) {
    case 'opened': {
      const opened = t('cs.event.opened', { type: typeLabel(str(d.type)), risk: d.riskLevel ? t(`cs.risk.${d.riskLevel as 'low'}`) : '—' });
      return d.fromFollowUp ? `${opened} · ${t('cs.event.fromFollowUp')}` : opened;
    }
    case 'contact': {
      // A visit, call or service recorded on the resident's register as part of the case.
      const method = CONTACT_KIND_LABELS[d.method as keyof typeof CONTACT_KIND_LABELS];
      const facts = [
        d.serviceType ? service(str(d.serviceType)) : '',
        d.durationMinutes ? t('cs.minutes', { n: str(d.durationMinutes) }) : '',
      ]
        .filter(Boolean)
        .join('，');
      const what = t('cs.event.contact', { method: method ? label(method) : str(d.method) });
      return facts ? `${what}（${facts}）` : what;
    }
    case 'stage':
    case 'reopened':
      return t(`cs.event.${e.kind}`, { from: stage(d.from), to: stage(e.stage) });
    case 'plan_saved':
    case 'plan_submitted':
      return t(`cs.event.${e.kind}`, { goals: str(d.goals) || 0, services: str(d.services) || 0 });
    case 'progress':
      return t('cs.event.progress', { goal: str(d.goal), status: d.status ? t(`cs.goal.status.${d.status as 'open'}`) : '—' });
    case 'task':
      return t('cs.event.task', { due: formatDateTime(str(d.dueAt)).slice(0, 16) });
    case 'satisfaction':
      return t('cs.event.satisfaction', { score: str(d.score) });
    case 'task_done':
      return t('cs.event.task_done', { reason: str(d.reason) });
    case 'referred':
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_withdrawn':
    case 'referral_ended':
      return t(`cs.event.${e.kind}`, { to: str(d.to) });
    case 'reassigned':
      return t('cs.event.reassigned', { from: str(d.fromWorker), to: str(d.toWorker) });
    case 'updated': {
      const parts = [d.type ? typeLabel(str(d.type)) : '', d.riskLevel ? t(`cs.risk.${d.riskLevel as 'low'}`) : ''].filter(Boolean);
      return parts.length ? `${t('cs.event.updated')}：${parts.join('，')}` : t('cs.event.updated');
    }
    default:
      return t(`cs.event.${e.kind}`);
  }
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const add = useAddCaseNote(caseId);
  const [form] = Form.useForm<{ text?: string }>();

  const submit = ({ text }: { text?: string }) => {
    const body = validateWith(caseNote, { text: text ?? '' }, form, lang);
    if (!body) return;
    add.mutate(body, {
      onSuccess: () => {
        message.success(t('cs.noteAdded'));
        form.resetFields();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ marginBottom: 16 }}>
      <Form.Item label={t('cs.note')} name="text" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('cs.notePlaceholder')} />
      </Form.Item>
      <Flex justify="flex-end" style={{ marginTop: -12 }}>
        <Button htmlType="submit" loading={add.isPending}>
          {t('cs.noteAdd')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The one-line description of an event, in the caller's language and code-list labels. */
export function useDescribeEvent(): (e: CaseEvent) => string {
  const { t, label } = useI18n();
  const types = useCodeLabels('case_type');
  const services = useCodeLabels('service_type');
  return (e) => describe(e, { t, label, type: types.labelOf, service: services.labelOf });
}

/** The events as a timeline, newest first (also the read-only view of a referred case). */
export function CaseEvents({ events, narrativeHidden }: { events: CaseEvent[]; narrativeHidden: boolean }) {
  const { t } = useI18n();
  const describeEvent = useDescribeEvent();
  const items = [...events].reverse();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cs.noEvents')} />;
  return (
    <Timeline
      aria-label={t('cs.timeline')}
      items={items.map((e) => ({
        key: e.id,
        color: e.kind === 'progress' && e.detail.status ? GOAL_COLORS[e.detail.status as 'open'] : (KIND_COLORS[e.kind] ?? 'blue'),
        content: (
          <Space orientation="vertical" size={2} style={{ width: '100%' }} data-kind={e.kind}>
            <span>
              {describeEvent(e)} <StageTag stage={e.stage} />
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName ?? t('cs.system')}
            </Typography.Text>
            {e.text !== null ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{e.text}</Typography.Paragraph>
            ) : (
              narrativeHidden &&
              HAS_TEXT.has(e.kind) && (
                <Typography.Text type="secondary" italic>
                  {t('cs.textHidden')}
                </Typography.Text>
              )
            )}
          </Space>
        ),
      }))}
    />
  );
}

export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const [kind, setKind] = useState<CaseEventKind>();
  const events = useCaseTimeline(c.id, kind);

  return (
    <Card
      title={t('cs.timeline')}
      size="small"
      extra={
        <Select<CaseEventKind>
          aria-label={t('cs.timelineKind')}
          placeholder={t('cs.timelineKind')}
          allowClear
          size="small"
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={CASE_EVENT_KINDS.map((k) => ({ value: k, label: t(`cs.kind.${k}`) }))}
        />
      }
    >
      {canWrite && !c.narrativeHidden && <NoteForm caseId={c.id} />}
      {events.isPending ? <Skeleton active /> : <CaseEvents events={events.data?.items ?? []} narrativeHidden={c.narrativeHidden} />}
    </Card>
  );
}

/** Kinds whose event carries a text (a note, a comment, a reason). */
const HAS_TEXT = new Set<CaseEventKind>([
  'note',
  'contact',
  'reopened',
  'plan_returned',
  'closure_returned',
  'reassigned',
  'progress',
  'referred',
  'referral_accepted',
  'referral_declined',
  'referral_withdrawn',
  'referral_ended',
]);
