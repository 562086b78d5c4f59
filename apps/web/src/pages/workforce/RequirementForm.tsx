// 持证上岗: require a certificate for a post in an area (or one organisation) by a deadline.
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { WORKER_POST_LABELS, WORKER_POSTS, requirementBody, type Requirement } from '@wushe/core';
import { useCreateRequirement } from '../../api/workforce.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  areaCode: string;
  post: string;
  deadline?: Dayjs | null;
  note?: string;
}

export function RequirementForm({ area, onClose }: { area: string; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useCreateRequirement();
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof requirementBody, Requirement>
      title={t('wf.req.add')}
      form={form}
      schema={requirementBody}
      toInput={(v) => ({ areaCode: v.areaCode, post: v.post, deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '', note: v.note })}
      save={save}
      onClose={onClose}
      initialValues={{ areaCode: area, post: 'frontline', deadline: businessToday().add(1, 'year') }}
    >
      <Form.Item label={t('wf.req.area')} name="areaCode" rules={required}>
        <AreaPicker allowClear={false} />
      </Form.Item>
      <Form.Item label={t('wf.post')} name="post" rules={required}>
        <Select options={WORKER_POSTS.map((p) => ({ value: p, label: label(WORKER_POST_LABELS[p]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.req.deadline')} name="deadline" rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('wf.req.note')} name="note">
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
    </FormDrawer>
  );
}
