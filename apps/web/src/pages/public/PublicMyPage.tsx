// /p/my: the public account's own page: name (editable), masked mobile, the sections that
// modules fill (applications, trainings, hours, certificates, jobs, wishes), each "暂无…" while
// empty; the wish claims come with their actions (record delivery, withdraw).
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, List, Space, Spin, Typography } from 'antd';
import { publicProfileBody } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { usePublicLogout, usePublicMe, useRenamePublic, type PublicAccountMe } from '../../api/publicAccount.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';
import { MyWishClaims } from './WishClaimParts.tsx';

const TITLE = {
  applications: 'pa.section.applications',
  trainings: 'pa.section.trainings',
  hours: 'pa.section.hours',
  certificates: 'pa.section.certificates',
  jobs: 'pa.section.jobs',
  wishes: 'pa.section.wishes',
} as const;
const EMPTY = {
  applications: 'pa.empty.applications',
  trainings: 'pa.empty.trainings',
  hours: 'pa.empty.hours',
  certificates: 'pa.empty.certificates',
  jobs: 'pa.empty.jobs',
  wishes: 'pa.empty.wishes',
} as const;

export function PublicMyPage() {
  const { t } = useI18n();
  const me = usePublicMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = usePublicLogout();
  if (me.isPending) return <Spin />;
  if (!me.data) return <Navigate to="/p/login" replace />;
  const a = me.data;
  return (
    <PublicShell title={t('pa.my.title')} notice={false}>
      <Card style={{ marginBottom: 16 }}>
        <NameEditor me={a} />
        <Typography.Paragraph style={{ color: MUTED, marginBottom: 0 }} data-testid="pa-mobile">
          {t('pa.my.mobile', { mobile: a.mobileMasked })}
        </Typography.Paragraph>
      </Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {a.sections.map((s) => (
          <Card key={s.kind} title={<h2 style={{ fontSize: 18, margin: 0 }}>{t(TITLE[s.kind])}</h2>} data-testid={`pa-section-${s.kind}`}>
            {s.kind === 'wishes' ? (
              // Claims can be withdrawn or delivered from here: their own list with actions.
              <MyWishClaims me={a} />
            ) : s.items.length ? (
              <List
                dataSource={s.items}
                renderItem={(i) => (
                  <List.Item>
                    <List.Item.Meta title={i.title} description={<span style={{ color: MUTED }}>{i.subtitle}</span>} />
                    {i.status}
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text style={{ color: MUTED }}>{t(EMPTY[s.kind])}</Typography.Text>
            )}
          </Card>
        ))}
        <Button
          size="large"
          block
          loading={logout.isPending}
          onClick={() =>
            logout.mutate(a.csrfToken, {
              onSuccess: () => {
                message.success(t('pa.loggedOut'));
                navigate('/p/login');
              },
            })
          }
        >
          {t('pa.logout')}
        </Button>
      </Space>
    </PublicShell>
  );
}

function NameEditor({ me }: { me: PublicAccountMe }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const rename = useRenamePublic();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  if (!editing)
    return (
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }} data-testid="pa-name">
          {me.name}
        </Typography.Title>
        <Button size="large" onClick={() => setEditing(true)}>
          {t('pa.my.editName')}
        </Button>
      </Space>
    );
  const submit = (v: { name: string }) => {
    const body = validateWith(publicProfileBody, { name: v.name, version: me.version }, form, lang);
    if (!body) return;
    rename.mutate(
      { ...body, csrf: me.csrfToken },
      {
        onSuccess: () => {
          message.success(t('pa.my.saved'));
          setEditing(false);
        },
        onError: (e) => showProblem(e, form),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ name: me.name }} onFinish={submit} requiredMark={false}>
      <Form.Item label={t('pa.name')} name="name">
        <Input size="large" maxLength={30} autoComplete="name" />
      </Form.Item>
      <Space>
        <Button type="primary" size="large" htmlType="submit" loading={rename.isPending}>
          {t('pa.my.save')}
        </Button>
        <Button size="large" onClick={() => setEditing(false)}>
          {t('pa.my.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
