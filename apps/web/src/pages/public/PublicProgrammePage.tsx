// The public 公示 page (no login, phone first): the selected names and organisations, the period
// and when it ends, and an objection by name and a mobile verified with an SMS code.
import { useState } from 'react';
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { PROGRAMME_KIND_LABELS } from '@wushe/core';
import { useLodgeObjection, usePublicProgramme, useRequestObjectionCode } from '../../api/programmes.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PublicShell } from './PublicShell.tsx';

type Values = { name: string; mobile: string; code: string; text: string };

export function PublicProgrammePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const showProblem = useProblem();
  const [form] = Form.useForm<Values>();
  const p = usePublicProgramme(id).data;
  const code = useRequestObjectionCode();
  const lodge = useLodgeObjection(id);
  const [sent, setSent] = useState(false);
  if (!p) return <PublicShell title="">{null}</PublicShell>;
  return (
    <PublicShell title={p.title}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{`${label(PROGRAMME_KIND_LABELS[p.kind])} · ${p.areaName} · ${p.year}`}</Typography.Text>
        {p.publicityEnd && (
          <Alert
            type={p.ended ? 'info' : 'warning'}
            showIcon
            message={p.ended ? t('pg.pub.ended') : t('pg.pub.ends', { date: p.publicityEnd })}
          />
        )}
        <Typography.Title level={4}>{t('pg.pub.selected')}</Typography.Title>
        <List
          bordered
          dataSource={p.selected}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta title={s.name} description={s.orgName ?? ''} />
            </List.Item>
          )}
        />
        {p.stage === 'publicity' && !p.ended && (
          <section aria-labelledby="objection">
            <Typography.Title level={4} id="objection">
              {t('pg.pub.object')}
            </Typography.Title>
            <Typography.Paragraph>{t('pg.pub.objectHint')}</Typography.Paragraph>
            {sent ? (
              <Alert type="success" showIcon message={t('pg.pub.sent')} />
            ) : (
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) => lodge.mutate(v, { onSuccess: () => setSent(true), onError: (e) => showProblem(e, form) })}
              >
                <Form.Item name="name" label={t('pg.name')} rules={[{ required: true }]}>
                  <Input autoComplete="name" />
                </Form.Item>
                <Form.Item name="mobile" label={t('wf.mobile')} rules={[{ required: true }]}>
                  <Input inputMode="tel" autoComplete="tel" />
                </Form.Item>
                <Form.Item label={t('pa.code')} required>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name="code" noStyle rules={[{ required: true }]}>
                      <Input inputMode="numeric" aria-label={t('pa.code')} />
                    </Form.Item>
                    <Button onClick={() => code.mutate(form.getFieldValue('mobile') ?? '', { onError: (e) => showProblem(e, form) })}>
                      {t('pa.getCode')}
                    </Button>
                  </Space.Compact>
                </Form.Item>
                <Form.Item name="text" label={t('pg.pub.text')} rules={[{ required: true }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block size="large" loading={lodge.isPending}>
                  {t('pg.pub.object')}
                </Button>
              </Form>
            )}
          </section>
        )}
      </Space>
    </PublicShell>
  );
}
