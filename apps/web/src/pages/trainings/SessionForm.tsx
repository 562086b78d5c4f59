// A session's form: title, start and end, mode (offline: a place; online: a live-stream link;
// mixed: both), hours and a teacher from the pool. Editing sends the version (409 when stale).
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SESSION_MODE_LABELS, SESSION_MODES, trainingSessionBody, trainingSessionUpdate } from '@wushe/core';
import { useSaveSession, useTeachers, type TrainingSession } from '../../api/trainings.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = {
  title: string;
  range: [Dayjs, Dayjs];
  mode: 'offline' | 'online' | 'mixed';
  place?: string;
  streamUrl?: string;
  hours: number;
  teacherId?: string | null;
};

export function SessionForm({
  trainingId,
  session,
  onClose,
}: {
  trainingId: string;
  session: TrainingSession | null;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveSession(trainingId, session?.id ?? null);
  const teachers = useTeachers({ pageSize: 100, active: 'yes' });
  const mode = Form.useWatch('mode', form);
  const start = dayjs().add(7, 'day').hour(9).minute(0).second(0);
  return (
    <FormDrawer
      title={t(session ? 'trw.editSession' : 'trw.addSession')}
      form={form}
      schema={session ? trainingSessionUpdate : trainingSessionBody}
      toInput={(v) => ({
        title: v.title,
        startsAt: v.range?.[0]?.toISOString(),
        endsAt: v.range?.[1]?.toISOString(),
        mode: v.mode,
        place: v.mode === 'online' ? null : (v.place ?? null),
        streamUrl: v.mode === 'offline' ? null : (v.streamUrl ?? null),
        hours: v.hours,
        teacherId: v.teacherId ?? null,
        ...(session ? { version: session.version } : {}),
      })}
      save={save}
      onClose={onClose}
      initialValues={
        session
          ? {
              title: session.title,
              range: [dayjs(session.startsAt), dayjs(session.endsAt)],
              mode: session.mode,
              place: session.place ?? undefined,
              streamUrl: session.streamUrl ?? undefined,
              hours: session.hours,
              teacherId: session.teacherId,
            }
          : { mode: 'offline', hours: 3, range: [start, start.add(3, 'hour')] }
      }
    >
      <Form.Item name="title" label={t('trw.sessionTitle')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="range" label={`${t('trw.startsAt')} ~ ${t('trw.endsAt')}`} required>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="mode" label={t('trw.mode')} required>
        <Select options={SESSION_MODES.map((m) => ({ value: m, label: label(SESSION_MODE_LABELS[m]) }))} />
      </Form.Item>
      {mode !== 'online' && (
        <Form.Item name="place" label={t('trw.place')} required>
          <Input maxLength={200} />
        </Form.Item>
      )}
      {mode !== 'offline' && (
        <Form.Item name="streamUrl" label={t('trw.streamUrl')} required>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      )}
      <Form.Item name="hours" label={t('trw.hours')} required>
        <InputNumber min={0.5} max={12} step={0.5} />
      </Form.Item>
      <Form.Item name="teacherId" label={t('trw.teacher')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={teachers.isLoading}
          options={(teachers.data?.items ?? []).map((x) => ({
            value: x.id,
            label: `${x.name}${x.affiliation ? `（${x.affiliation}）` : ''}`,
          }))}
        />
      </Form.Item>
    </FormDrawer>
  );
}
