// Add or edit a register entry in the form drawer, validated with the core schemas.
import { useEffect, useMemo } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  PRACTICE_FIELD_LABELS,
  PRACTICE_FIELDS,
  WORKER_POST_LABELS,
  WORKER_POSTS,
  workerCreateBody,
  workerUpdateBody,
  type WorkerDetail,
} from '@wushe/core';
import { useOrgs } from '../../api/orgs.ts';
import { useActor } from '../../api/session.ts';
import { useWorkerEdit } from '../../api/workforce.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name: string;
  gender?: 'male' | 'female' | null;
  idNumber?: string;
  mobile?: string;
  areaCode: string;
  orgId?: string | null;
  post: string;
  education?: string | null;
  major?: string | null;
  startedInFieldOn?: Dayjs | null;
  fields?: string[];
  languages?: string[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function WorkerForm({
  worker,
  onClose,
  onSaved,
}: {
  worker: WorkerDetail | null;
  onClose: () => void;
  onSaved?: (w: WorkerDetail) => void;
}) {
  const { t, label } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const { record, save, reload } = useWorkerEdit(worker);
  const orgs = useOrgs({ pageSize: 100, active: 'true' });
  const requestId = useMemo(() => crypto.randomUUID(), []);

  useEffect(() => {
    if (record)
      form.setFieldsValue({
        ...record,
        startedInFieldOn: record.startedInFieldOn ? dayjs(record.startedInFieldOn) : null,
        idNumber: undefined,
        mobile: undefined,
      });
  }, [record, form]);

  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof workerCreateBody | typeof workerUpdateBody, WorkerDetail>
      title={record ? t('wf.edit') : t('wf.new')}
      form={form}
      schema={record ? workerUpdateBody : workerCreateBody}
      toInput={({ startedInFieldOn, idNumber, mobile, ...v }) => ({
        ...v,
        startedInFieldOn: day(startedInFieldOn),
        // Sealed values are sent only when typed (an edit leaves them as stored).
        ...(idNumber ? { idNumber } : record ? {} : { idNumber: null }),
        ...(mobile ? { mobile } : record ? {} : { mobile: null }),
        ...(record ? { version: record.version } : { requestId }),
      })}
      save={save}
      onConflict={reload}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ post: 'frontline', areaCode: actor.area.code, fields: [], languages: ['普通话'] }}
    >
      <Form.Item label={t('wf.name')} name="name" rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('wf.idNumber')} name="idNumber" extra={record?.idMasked ?? undefined}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('wf.gender')} name="gender">
        <Select
          allowClear
          options={[
            { value: 'female', label: t('wf.female') },
            { value: 'male', label: t('wf.male') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('wf.mobile')} name="mobile" extra={record?.mobileMasked ?? undefined}>
        <Input maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('wf.area')} name="areaCode" rules={required}>
        <AreaPicker allowClear={false} />
      </Form.Item>
      <Form.Item label={t('wf.org')} name="orgId">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(orgs.data?.items ?? [])
            .filter((o) => o.kind === 'station' || o.kind === 'agency')
            .map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item label={t('wf.post')} name="post" rules={required}>
        <Select options={WORKER_POSTS.map((p) => ({ value: p, label: label(WORKER_POST_LABELS[p]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.education')} name="education">
        <Select allowClear options={EDUCATION_LEVELS.map((e) => ({ value: e, label: label(EDUCATION_LABELS[e]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.major')} name="major">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item label={t('wf.startedOn')} name="startedInFieldOn">
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item label={t('wf.fields')} name="fields">
        <Select mode="multiple" options={PRACTICE_FIELDS.map((f) => ({ value: f, label: label(PRACTICE_FIELD_LABELS[f]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.languages')} name="languages">
        <Select mode="tags" options={['普通话', '闽南语', '粤语', '客家话', 'English'].map((l) => ({ value: l, label: l }))} />
      </Form.Item>
    </FormDrawer>
  );
}
