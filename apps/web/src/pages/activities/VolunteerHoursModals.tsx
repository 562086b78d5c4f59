// The hours records' dialogs: 修改时长 (credited minutes within the activity's length, with a
// reason), 不予认定 for the selected records (a reason), and 记录 (the record's history).
import { App, Empty, Form, Input, InputNumber, Modal, Spin, Timeline, Typography } from 'antd';
import { hoursCorrectionBody, spanMinutes } from '@wushe/core';
import type { ActivityDetail } from '../../api/activities.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useCorrectHours, useDecideHours, useHoursHistory, type HoursHistory, type ServiceHoursRecord } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hoursText, shanghai } from '../volunteers/tags.tsx';

type Action = HoursHistory['items'][number]['action'];
const ACTION_KEYS: Record<Action, `vol.ev.${Action}`> = {
  checkin: 'vol.ev.checkin',
  checkout: 'vol.ev.checkout',
  auto_close: 'vol.ev.auto_close',
  approve: 'vol.ev.approve',
  correct: 'vol.ev.correct',
  decline: 'vol.ev.decline',
};

export function CorrectionModal({ activity, row, onClose }: { activity: ActivityDetail; row: ServiceHoursRecord; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const correct = useCorrectHours(activity.id);
  const [form] = Form.useForm<{ minutes?: number | null; reason?: string }>();
  const max = spanMinutes(activity);
  const submit = (v: { minutes?: number | null; reason?: string }) => {
    const body = validateWith(hoursCorrectionBody, { minutes: v.minutes ?? -1, reason: v.reason ?? '', version: row.version }, form, lang);
    if (!body) return;
    correct.mutate(
      { id: row.id, ...body },
      {
        onSuccess: () => {
          message.success(t('saved'));
          onClose();
        },
        onError: (e) => showProblem(e, form, onClose),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t('vol.correct')}：${row.name}`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('vol.correctHint', { served: row.minutes ?? 0, max, h: hoursText(max) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ minutes: row.creditedMinutes ?? row.minutes }}>
        <Form.Item label={t('vol.creditedMinutes')} name="minutes" rules={[{ required: true, message: t('field.required') }]}>
          <InputNumber min={0} max={max} precision={0} step={15} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('vol.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('vol.reasonNeeded') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DeclineModal({ activityId, ids, onClose }: { activityId: string; ids: string[]; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const decide = useDecideHours(activityId);
  const [form] = Form.useForm<{ reason?: string }>();
  const submit = ({ reason }: { reason?: string }) =>
    decide.mutate(
      { ids, decision: 'decline', reason: reason?.trim() ?? '' },
      {
        onSuccess: (r) => {
          message.success(t('vol.decided', { changed: r.changed, skipped: r.skipped }));
          onClose(true);
        },
        onError: (e) => showProblem(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('vol.declineTitle', { n: ids.length })}
      okText={t('vol.declineHours')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('vol.declineHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('vol.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('vol.reasonNeeded') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function HistoryModal({ activityId, row, onClose }: { activityId: string; row: ServiceHoursRecord; onClose: () => void }) {
  const { t } = useI18n();
  const q = useHoursHistory(activityId, row.id);
  const minutes = (m: number | null) => (m === null ? '—' : t('vol.minutesN', { m, h: hoursText(m) }));
  return (
    <Modal open title={`${t('vol.history')}：${row.name}`} footer={null} onCancel={onClose} destroyOnHidden>
      {q.isPending ? (
        <Spin />
      ) : q.data?.items.length ? (
        <Timeline
          style={{ marginTop: 16 }}
          items={q.data.items.map((e) => ({
            title: shanghai(e.at),
            content: (
              <>
                <div>
                  {t(ACTION_KEYS[e.action])}
                  {e.minutesAfter !== null &&
                    ` · ${e.minutesBefore !== null && e.minutesBefore !== e.minutesAfter ? `${minutes(e.minutesBefore)} → ` : ''}${minutes(e.minutesAfter)}`}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </div>
                {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Modal>
  );
}
