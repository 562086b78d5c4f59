// 走访频次: how often each care level must be visited.
import { useEffect } from 'react';
import { App, Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { visitIntervals, type VisitIntervals } from '@wushe/core';
import { useSaveVisitIntervals, useVisitIntervals } from '../../api/settings.ts';
import { useProblem, validateDeep } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CareLevelTag } from '../residents/tags.tsx';

const LEVELS = [1, 2, 3, 4] as const;

export function IntervalsEditor() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const saveIntervals = useSaveVisitIntervals();
  const showProblem = useProblem();
  const q = useVisitIntervals();
  const [form] = Form.useForm<VisitIntervals>();

  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  const save = async (v: VisitIntervals) => {
    const body = validateDeep(visitIntervals, v, form, lang);
    if (!body) return;
    try {
      await saveIntervals.mutateAsync(body);
      message.success(t('saved'));
    } catch (e) {
      showProblem(e, form);
    }
  };

  return (
    <Form<VisitIntervals> form={form} onFinish={(v) => void save(v)} style={{ maxWidth: 480 }}>
      {LEVELS.map((n) => (
        <Space key={n} align="baseline" wrap style={{ display: 'flex' }}>
          <div style={{ width: 72 }}>
            <CareLevelTag level={n} />
          </div>
          <Typography.Text>{t('set.every')}</Typography.Text>
          <Form.Item name={[n, 'count']} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber aria-label={`${t('res.careLevelN', { n })} ${t('set.every')}`} min={1} max={366} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name={[n, 'unit']} rules={[{ required: true, message: t('field.required') }]}>
            <Select
              aria-label={`${t('res.careLevelN', { n })} ${t('kind')}`}
              style={{ width: 110 }}
              options={(['day', 'week', 'month'] as const).map((u) => ({ value: u, label: t(`unit.${u}`) }))}
            />
          </Form.Item>
        </Space>
      ))}
      <Button type="primary" htmlType="submit" disabled={!q.data}>
        {t('save')}
      </Button>
    </Form>
  );
}
