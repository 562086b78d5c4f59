// The public check-in page a phone opens from the QR code (/c/:kind/:id?t=…), outside the app
// and without a session: the occasion, a name + mobile form, the success state, then the
// satisfaction form (stars 1–5 + comment) answered with the receipt kept in localStorage.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Rate, Result, Space, Spin, Typography } from 'antd';
import { publicCheckinBody } from '@wushe/core';
import {
  keepReceipt,
  keptReceipt,
  usePublicCheckin,
  usePublicOccasion,
  usePublicSatisfaction,
  type PublicCheckinResult,
} from '../../api/checkin.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { formatDateTime, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PublicTheme } from '../../components/LargeText.tsx';
import { PublicHeader } from '../public/PublicShell.tsx';

export function CheckinPage() {
  const { kind = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? undefined;
  const { t } = useI18n();
  const occasion = usePublicOccasion(kind, id, token);
  const [result, setResult] = useState<(Pick<PublicCheckinResult, 'receipt' | 'name'> & { status?: PublicCheckinResult['status'] }) | null>(
    () => keptReceipt(kind, id),
  );
  const o = occasion.data;

  return (
    <PublicTheme>
      <main style={{ maxWidth: 480, margin: '0 auto', padding: 16, minHeight: '100vh' }}>
        <PublicHeader brand={t('ci.title')} />
        {occasion.isPending ? (
          <Spin />
        ) : !o ? (
          <Result status="404" title={t('ci.notFound')} />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {o.title}
              </Typography.Title>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {`${formatDateTime(o.startsAt).slice(0, 16)}–${formatTime(o.endsAt)}`}
              </Typography.Paragraph>
              {o.place && <Typography.Paragraph style={{ marginBottom: 4 }}>{o.place}</Typography.Paragraph>}
              {o.orgName && <Typography.Text type="secondary">{t('ci.organiser', { org: o.orgName })}</Typography.Text>}
            </Card>
            {result ? (
              <>
                <Result
                  status="success"
                  title={result.status === 'already' ? t('ci.already') : t('ci.present')}
                  subTitle={t('ci.welcome', { name: result.name })}
                  style={{ padding: 16 }}
                />
                {Date.parse(o.startsAt) <= Date.now() && <Satisfaction kind={kind} id={id} receipt={result.receipt} />}
              </>
            ) : o.window !== 'open' ? (
              <Alert type="warning" showIcon title={o.window === 'early' ? t('ci.early') : t('ci.closed')} />
            ) : !o.tokenValid ? (
              <Alert type="warning" showIcon title={t('ci.expired')} />
            ) : (
              <CheckinForm kind={kind} id={id} token={token!} onDone={setResult} />
            )}
          </Space>
        )}
      </main>
    </PublicTheme>
  );
}

function CheckinForm({ kind, id, token, onDone }: { kind: string; id: string; token: string; onDone: (r: PublicCheckinResult) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ name: string; mobile: string }>();
  const checkin = usePublicCheckin(kind, id);
  const showProblem = useProblem();
  const submit = (v: { name: string; mobile: string }) => {
    const body = validateWith(publicCheckinBody, { ...v, t: token }, form, lang);
    if (!body) return;
    checkin.mutate(body, {
      onSuccess: (r) => {
        keepReceipt(kind, id, { receipt: r.receipt, name: r.name });
        onDone(r);
      },
      onError: (e) => showProblem(e, form),
    });
  };
  return (
    <Card>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('ci.name')} name="name" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input size="large" maxLength={30} autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('ci.mobile')} name="mobile" rules={[{ required: true, message: t('field.required') }]}>
          <Input size="large" inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" loading={checkin.isPending}>
          {t('ci.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('ci.privacy')}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}

function Satisfaction({ kind, id, receipt }: { kind: string; id: string; receipt: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const answer = usePublicSatisfaction(kind, id);
  const [sent, setSent] = useState(false);
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  if (sent)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('ci.thanks')} />
        <Button onClick={() => setSent(false)}>{t('ci.changeAnswer')}</Button>
      </Space>
    );
  return (
    <Card title={t('ci.rate')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          answer.mutate(
            { receipt, score: v.score, comment: v.comment ?? '' },
            {
              onSuccess: () => {
                message.success(t('ci.thanks'));
                setSent(true);
              },
              onError: (e) => showProblem(e, form),
            },
          )
        }
      >
        <Form.Item name="score" rules={[{ required: true, message: t('field.required') }]}>
          <Rate aria-label={t('ci.rate')} style={{ fontSize: 36 }} />
        </Form.Item>
        <Form.Item name="comment">
          <Input.TextArea aria-label={t('ci.comment')} placeholder={t('ci.comment')} rows={3} maxLength={500} />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" loading={answer.isPending}>
          {t('ci.send')}
        </Button>
      </Form>
    </Card>
  );
}
