// 记录督导: the date, individual or group, the workers (from the caseload), the cases discussed
// (the active cases of those workers), the advice, and actions each with a due date and a worker.
import { Button, DatePicker, Form, Grid, Input, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { supervisionCreate } from '@wushe/core';
import { useRecordSupervision, type CaseloadRow, type SupervisionSession } from '../../api/supervision.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  heldOn?: Dayjs;
  format: 'individual' | 'group';
  workerIds?: string[];
  caseIds?: string[];
  advice?: string;
  actions?: { text?: string; dueOn?: Dayjs; workerId?: string }[];
}

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : '');

export function SupervisionForm({ caseload, onClose }: { caseload: CaseloadRow[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const record = useRecordSupervision();
  // A phone picks dates from the calendar (no keyboard over it).
  const phone = !Grid.useBreakpoint().md;
  const format = Form.useWatch('format', form);
  const workerIds = Form.useWatch('workerIds', form) ?? [];
  const chosen = caseload.filter((w) => workerIds.includes(w.workerId));
  const workerOptions = caseload.map((w) => ({ value: w.workerId, label: w.workerName }));
  const caseOptions = chosen.flatMap((w) => w.cases.map((c) => ({ value: c.id, label: `${c.caseNo} · ${c.residentName}` })));

  // Cases and action workers follow the workers chosen.
  const onWorkers = (ids: string[]) => {
    const keep = new Set(caseload.filter((w) => ids.includes(w.workerId)).flatMap((w) => w.cases.map((c) => c.id)));
    form.setFieldValue(
      'caseIds',
      (form.getFieldValue('caseIds') as string[] | undefined)?.filter((id) => keep.has(id)),
    );
    const actions = (form.getFieldValue('actions') as Values['actions']) ?? [];
    form.setFieldValue(
      'actions',
      actions.map((a) => ({ ...a, workerId: a.workerId && ids.includes(a.workerId) ? a.workerId : ids.length === 1 ? ids[0] : undefined })),
    );
  };

  return (
    <FormDrawer<Values, typeof supervisionCreate, SupervisionSession>
      title={t('sv.form.title')}
      form={form}
      schema={supervisionCreate}
      toInput={(v) => ({
        heldOn: day(v.heldOn),
        format: v.format,
        workerIds: v.workerIds ?? [],
        caseIds: v.caseIds ?? [],
        advice: v.advice ?? '',
        actions: (v.actions ?? []).map((a) => ({ text: a.text ?? '', dueOn: day(a.dueOn), workerId: a.workerId ?? '' })),
      })}
      save={record}
      savedText={t('sv.recorded')}
      onClose={onClose}
      initialValues={{ heldOn: businessToday(), format: 'individual', actions: [] }}
    >
      <Form.Item label={t('sv.col.heldOn')} name="heldOn" rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(businessToday(), 'day')} inputReadOnly={phone} />
      </Form.Item>
      <Form.Item label={t('sv.col.format')} name="format">
        <Radio.Group
          optionType="button"
          options={(['individual', 'group'] as const).map((f) => ({ value: f, label: t(`sv.format.${f}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('sv.form.workers')}
        name="workerIds"
        extra={t('sv.form.workersHint')}
        rules={[{ required: true, message: t('field.required') }]}
      >
        <Select
          mode="multiple"
          maxCount={format === 'individual' ? 1 : undefined}
          showSearch={{ optionFilterProp: 'label' }}
          options={workerOptions}
          onChange={onWorkers}
        />
      </Form.Item>
      <Form.Item label={t('sv.form.cases')} name="caseIds">
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sv.form.casesPlaceholder')}
          options={caseOptions}
          disabled={!chosen.length}
        />
      </Form.Item>
      <Form.Item label={t('sv.advice')} name="advice" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('sv.form.advicePlaceholder')} />
      </Form.Item>
      <Typography.Text strong>{t('sv.form.actions')}</Typography.Text>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f, i) => (
              <div
                key={f.key}
                role="group"
                aria-label={`${t('sv.action')} ${i + 1}`}
                style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12, marginBottom: 12 }}
              >
                <Form.Item
                  label={t('sv.form.actionText')}
                  name={[f.name, 'text']}
                  rules={[{ required: true, whitespace: true, message: t('field.required') }]}
                >
                  <Input maxLength={300} />
                </Form.Item>
                <Space wrap align="start" style={{ width: '100%' }}>
                  <Form.Item label={t('sv.dueOn')} name={[f.name, 'dueOn']} rules={[{ required: true, message: t('field.required') }]}>
                    <DatePicker style={{ width: 160 }} inputReadOnly={phone} />
                  </Form.Item>
                  <Form.Item
                    label={t('sv.form.actionWorker')}
                    name={[f.name, 'workerId']}
                    rules={[{ required: true, message: t('field.required') }]}
                  >
                    <Select style={{ width: 160 }} options={chosen.map((w) => ({ value: w.workerId, label: w.workerName }))} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    aria-label={t('sv.form.removeAction')}
                    icon={<MinusCircleOutlined aria-hidden />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ workerId: workerIds.length === 1 ? workerIds[0] : undefined })}
            >
              {t('sv.form.addAction')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}
