// 新建/编辑活动: title, time range, place, capacity, target group, partners, description.
import { DatePicker, Form, Grid, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { activityCreate, activityUpdate } from '@wushe/core';
import { useCreateActivity, useEditActivity, type ActivityDetail } from '../../api/activities.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  title?: string;
  time?: [Dayjs, Dayjs];
  place?: string;
  capacity?: number | null;
  targetGroup?: string;
  partners?: string[];
  description?: string;
}

const fields = (v: Values) => ({
  title: v.title ?? '',
  place: v.place ?? '',
  startsAt: v.time?.[0]?.toISOString() ?? '',
  endsAt: v.time?.[1]?.toISOString() ?? '',
  capacity: v.capacity ?? null,
  targetGroup: v.targetGroup ?? '',
  partners: v.partners ?? [],
  description: v.description ?? '',
});

export function ActivityForm({
  activity,
  onClose,
  onSaved,
}: {
  activity?: ActivityDetail;
  onClose: () => void;
  onSaved?: (a: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const phone = !Grid.useBreakpoint().md;
  const create = useCreateActivity();
  const edit = useEditActivity(activity?.id ?? '');
  const body = (
    <>
      <Form.Item label={t('act.field.title')} name="title" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('act.field.time')} name="time" rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={phone} />
      </Form.Item>
      <Form.Item label={t('act.field.place')} name="place" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('act.field.capacity')} name="capacity" extra={t('act.field.capacityHint')}>
        <InputNumber min={1} max={10000} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('act.field.targetGroup')} name="targetGroup">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('act.field.partners')} name="partners" extra={t('act.field.partnersHint')}>
        <Select mode="tags" open={false} suffixIcon={null} maxCount={10} />
      </Form.Item>
      <Form.Item label={t('act.field.description')} name="description">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
  if (activity)
    return (
      <FormDrawer<Values, typeof activityUpdate, ActivityDetail>
        title={t('act.edit')}
        form={form}
        schema={activityUpdate}
        toInput={(v) => ({ ...fields(v), version: activity.version })}
        save={edit}
        onClose={onClose}
        onSaved={onSaved}
        initialValues={{
          title: activity.title,
          time: [dayjs(activity.startsAt), dayjs(activity.endsAt)],
          place: activity.place,
          capacity: activity.capacity,
          targetGroup: activity.targetGroup ?? undefined,
          partners: activity.partners,
          description: activity.description ?? undefined,
        }}
      >
        {body}
      </FormDrawer>
    );
  return (
    <FormDrawer<Values, typeof activityCreate, ActivityDetail>
      title={t('act.new')}
      form={form}
      schema={activityCreate}
      toInput={fields}
      save={create}
      savedText={t('act.created')}
      onClose={onClose}
      onSaved={onSaved}
    >
      {body}
    </FormDrawer>
  );
}
