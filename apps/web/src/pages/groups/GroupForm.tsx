// 新建小组 / 编辑小组: name, type, goal, who it is for, the worker; a new group also gets its
// planned sessions (a count from the first session, weekly by default).
import { DatePicker, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { groupCreate, groupUpdate } from '@wushe/core';
import { useAssignableWorkers } from '../../api/assign.ts';
import { useCreateGroup, useEditGroup, type GroupDetail } from '../../api/groups.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name?: string;
  type?: string;
  goal?: string;
  targetGroup?: string;
  workerId?: string;
  count?: number;
  firstAt?: Dayjs;
  intervalDays?: number;
  durationMinutes?: number;
  place?: string;
}

const required = (t: (k: 'field.required') => string) => [{ required: true, whitespace: true, message: t('field.required') }];

export function GroupForm({ onClose, onCreated }: { onClose: () => void; onCreated: (g: GroupDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const phone = !Grid.useBreakpoint().md;
  return (
    <FormDrawer<Values, typeof groupCreate, GroupDetail>
      title={t('gr.new')}
      form={form}
      schema={groupCreate}
      toInput={(v) => ({
        name: v.name ?? '',
        type: v.type ?? '',
        goal: v.goal ?? '',
        targetGroup: v.targetGroup,
        workerId: v.workerId,
        place: v.place,
        schedule: {
          count: v.count ?? 0,
          firstAt: v.firstAt ? v.firstAt.toISOString() : '',
          intervalDays: v.intervalDays,
          durationMinutes: v.durationMinutes,
        },
      })}
      save={create}
      savedText={t('gr.created')}
      onSaved={onCreated}
      onClose={onClose}
      initialValues={{ count: 6, intervalDays: 7, durationMinutes: 90 }}
    >
      <Facts />
      <Space wrap align="start">
        <Form.Item label={t('gr.form.count')} name="count" rules={[{ required: true, message: t('field.required') }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item label={t('gr.form.interval')} name="intervalDays">
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item label={t('gr.form.duration')} name="durationMinutes">
          <InputNumber min={15} max={600} step={15} />
        </Form.Item>
      </Space>
      <Form.Item
        label={t('gr.form.firstAt')}
        name="firstAt"
        extra={t('gr.form.scheduleHint')}
        rules={[{ required: true, message: t('field.required') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          inputReadOnly={phone}
        />
      </Form.Item>
      <Form.Item label={t('gr.form.place')} name="place">
        <Input maxLength={100} />
      </Form.Item>
    </FormDrawer>
  );
}

/** The fields a group has whether new or edited. */
function Facts() {
  const { t } = useI18n();
  const types = useCodeLabels('group_type');
  const workers = useAssignableWorkers();
  return (
    <>
      <Form.Item label={t('gr.col.name')} name="name" rules={required(t)}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('gr.col.type')} name="type" rules={[{ required: true, message: t('field.required') }]}>
        <Select options={types.options} />
      </Form.Item>
      <Form.Item label={t('gr.form.goal')} name="goal" rules={required(t)}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('gr.form.target')} name="targetGroup">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('gr.form.worker')} name="workerId" extra={t('gr.form.workerHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName }))}
        />
      </Form.Item>
    </>
  );
}

export function GroupEditForm({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const edit = useEditGroup(group.id);
  return (
    <FormDrawer<Values, typeof groupUpdate, GroupDetail>
      title={t('gr.edit')}
      form={form}
      schema={groupUpdate}
      toInput={(v) => ({
        version: group.version,
        name: v.name,
        type: v.type,
        goal: v.goal,
        targetGroup: v.targetGroup ?? '',
        workerId: v.workerId,
      })}
      save={edit}
      onClose={onClose}
      initialValues={{
        name: group.name,
        type: group.type,
        goal: group.goal,
        targetGroup: group.targetGroup ?? undefined,
        workerId: group.workerId,
      }}
    >
      <Facts />
    </FormDrawer>
  );
}
