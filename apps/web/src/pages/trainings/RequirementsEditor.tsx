// The required continuing-education hours per registration cycle by level (助理社工师, 社工师,
// 高级社工师): a setting read by every hours count (settings.write to change it).
import { useEffect } from 'react';
import { App, Button, Form, InputNumber, Typography } from 'antd';
import { CERT_KIND_LABELS, SW_LEVELS, ceRequirements, type RequiredHours } from '@wushe/core';
import { useProblem, validateDeep } from '../../api/forms.ts';
import { useCeRequirements, useSaveCeRequirements } from '../../api/trainings.ts';
import { useI18n } from '../../i18n/index.tsx';

export function RequirementsEditor() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const q = useCeRequirements();
  const save = useSaveCeRequirements();
  const [form] = Form.useForm<RequiredHours>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const submit = async (v: RequiredHours) => {
    const body = validateDeep(ceRequirements, v, form, lang);
    if (!body) return;
    try {
      await save.mutateAsync(body);
      message.success(t('saved'));
    } catch (e) {
      showProblem(e, form);
    }
  };
  return (
    <Form<RequiredHours> form={form} layout="horizontal" onFinish={(v) => void submit(v)} style={{ maxWidth: 480 }} labelCol={{ span: 8 }}>
      <Typography.Paragraph type="secondary">{t('cew.perLevel')}</Typography.Paragraph>
      {SW_LEVELS.map((l) => (
        <Form.Item key={l} name={l} label={label(CERT_KIND_LABELS[l])} rules={[{ required: true, message: t('field.required') }]}>
          <InputNumber min={0} max={500} addonAfter={t('trw.hours')} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" disabled={!q.data} loading={save.isPending}>
        {t('save')}
      </Button>
    </Form>
  );
}
