// /p/trainings/:id (no staff login, phone first): a training's page with its sessions and places
// left; sign-up by name, mobile and organisation (the waiting-list position when full), or as the
// signed-in public account (its name and verified mobile, linking the registration to the
// account's "my" page); the join code of an online session; the course evaluation.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Rate, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { SESSION_MODE_LABELS, TRAINING_LEVEL_LABELS } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { usePublicMe, type PublicAccountMe } from '../../api/publicAccount.ts';
import {
  useAccountRegistration,
  useAccountSignUp,
  usePublicEvaluate,
  usePublicJoin,
  usePublicSignUp,
  usePublicTraining,
} from '../../api/trainings.ts';
import { formatDate, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

type Person = { name: string; mobile: string };

export function PublicTrainingPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const q = usePublicTraining(id);
  const me = usePublicMe().data ?? null;
  const tr = q.data;
  if (q.isError)
    return (
      <PublicShell title={t('trp.notFound')} notice={false}>
        {null}
      </PublicShell>
    );
  if (!tr)
    return (
      <PublicShell title="" notice={false}>
        {null}
      </PublicShell>
    );
  const online = tr.sessions.some((s) => s.mode !== 'offline');
  return (
    <PublicShell title={tr.title} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>
          <Tag color="blue">{label(TRAINING_LEVEL_LABELS[tr.level])}</Tag>
          {tr.orgName}
        </Typography.Text>
        {tr.description && <Typography.Paragraph>{tr.description}</Typography.Paragraph>}
        <List
          bordered
          dataSource={tr.sessions}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={s.title}
                description={
                  <span style={{ color: MUTED }}>
                    {`${formatDate(s.startsAt)} ${formatTime(s.startsAt)}–${formatTime(s.endsAt)} · ${label(SESSION_MODE_LABELS[s.mode])}${s.place ? ` · ${s.place}` : ''}`}
                  </span>
                }
              />
              {`${s.hours} ${t('trw.hours')}`}
            </List.Item>
          )}
        />
        <SignUpCard id={id} status={tr.status} placesLeft={tr.placesLeft} me={me} />
        {online && <JoinCard id={id} me={me} />}
        <EvaluateCard id={id} me={me} />
      </Space>
    </PublicShell>
  );
}

function SignUpCard({ id, status, placesLeft, me }: { id: string; status: string; placesLeft: number | null; me: PublicAccountMe | null }) {
  const { t } = useI18n();
  const showProblem = useProblem();
  const [form] = Form.useForm<Person & { orgName: string }>();
  const signUp = usePublicSignUp(id);
  const asAccount = useAccountSignUp(id);
  const mine = useAccountRegistration(id, !!me);
  const [result, setResult] = useState<{ status: string; position: number | null; already?: boolean } | null>(null);
  const shown = result ?? (mine.data && mine.data.status !== 'cancelled' ? mine.data : null);
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('trp.signUp')}</h2>} data-testid="tr-signup">
      {shown ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={shown.status === 'waiting' ? 'warning' : 'success'}
            showIcon
            data-testid="tr-signup-result"
            title={shown.status === 'waiting' ? t('trp.waitingN', { n: shown.position ?? 0 }) : t('trp.signedUp')}
            description={result?.already ? t('trp.already') : undefined}
          />
          {me && <Link to="/p/my">{t('trp.myPage')}</Link>}
        </Space>
      ) : status !== 'open' ? (
        <Alert type="info" showIcon title={t('trp.closed')} />
      ) : (
        <>
          <Typography.Paragraph style={{ color: MUTED }}>
            {placesLeft === null ? null : placesLeft > 0 ? t('trp.placesLeft', { n: placesLeft }) : t('trp.full')}
          </Typography.Paragraph>
          {me ? (
            <Typography.Paragraph>{t('trp.asAccount', { name: me.name, mobile: me.mobileMasked })}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph style={{ color: MUTED }}>
              {t('trp.loginHint')} <Link to="/p/login">{t('trp.login')}</Link>
            </Typography.Paragraph>
          )}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) =>
              me
                ? asAccount.mutate(
                    { orgName: v.orgName, csrf: me.csrfToken },
                    { onSuccess: setResult, onError: (e) => showProblem(e, form) },
                  )
                : signUp.mutate(v, { onSuccess: setResult, onError: (e) => showProblem(e, form) })
            }
          >
            {!me && <PersonFields />}
            <Form.Item name="orgName" label={t('trw.orgName')} rules={[{ required: true, message: t('field.required') }]}>
              <Input size="large" maxLength={100} autoComplete="organization" />
            </Form.Item>
            <Button type="primary" size="large" block htmlType="submit" loading={signUp.isPending || asAccount.isPending}>
              {t('trp.signUp')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function PersonFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('trw.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input size="large" maxLength={30} autoComplete="name" />
      </Form.Item>
      <Form.Item name="mobile" label={t('trw.mobile')} rules={[{ required: true, message: t('field.required') }]}>
        <Input size="large" maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
    </>
  );
}

function JoinCard({ id, me }: { id: string; me: PublicAccountMe | null }) {
  const { t } = useI18n();
  const showProblem = useProblem();
  const [form] = Form.useForm<Person & { code: string }>();
  const join = usePublicJoin(id);
  const r = join.data;
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('trp.join')}</h2>}>
      {r ? (
        <Space orientation="vertical">
          <Alert type="success" showIcon title={t(r.status === 'present' ? 'trp.joined' : 'trp.joinedAlready', { session: r.session })} />
          {r.streamUrl && (
            <Button type="primary" size="large" href={r.streamUrl} target="_blank">
              {t('trp.openStream')}
            </Button>
          )}
        </Space>
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ name: me?.name }}
          onFinish={(v) => join.mutate(v, { onError: (e) => showProblem(e, form) })}
        >
          <Typography.Paragraph style={{ color: MUTED }}>{t('trp.joinHint')}</Typography.Paragraph>
          <Form.Item name="code" label={t('trw.joinCode')} rules={[{ required: true, message: t('field.required') }]}>
            <Input size="large" maxLength={6} inputMode="numeric" />
          </Form.Item>
          <PersonFields />
          <Button type="primary" size="large" block htmlType="submit" loading={join.isPending}>
            {t('trp.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function EvaluateCard({ id, me }: { id: string; me: PublicAccountMe | null }) {
  const { t } = useI18n();
  const showProblem = useProblem();
  const [form] = Form.useForm<Person & { a0: number; a1: number; a2: number; a3: number; comment?: string }>();
  const evaluate = usePublicEvaluate(id);
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('trp.evaluate')}</h2>}>
      {evaluate.isSuccess ? (
        <Alert type="success" showIcon title={t('trp.thanks')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ name: me?.name, a0: 5, a1: 5, a2: 5, a3: 5 }}
          onFinish={(v) =>
            evaluate.mutate(
              { name: v.name, mobile: v.mobile, answers: [v.a0, v.a1, v.a2, v.a3], comment: v.comment || undefined },
              { onError: (e) => showProblem(e, form) },
            )
          }
        >
          <Typography.Paragraph style={{ color: MUTED }}>{t('trp.evaluateHint')}</Typography.Paragraph>
          {([0, 1, 2, 3] as const).map((i) => (
            <Form.Item key={i} name={`a${i}`} label={t(`trw.q.${i}`)}>
              <Rate />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('trp.comment')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <PersonFields />
          <Button type="primary" size="large" block htmlType="submit" loading={evaluate.isPending}>
            {t('trp.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
