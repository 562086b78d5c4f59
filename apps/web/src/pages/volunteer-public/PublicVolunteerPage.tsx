// /p/volunteer: a volunteer's home on the phone. A visitor is asked to sign up or log in; a
// signed-in account without a registration fills the form; a pending one waits for the station;
// a confirmed one sees their number, hours and teams, their sign-ups with check-in and hours,
// and the way to open posts.
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { HOURS_STATUS_LABELS, SIGNUP_STATUS_LABELS, VOLUNTEER_STATUS_LABELS, hoursOf } from '@wushe/core';
import { usePublicMe, type PublicAccountMe } from '../../api/publicAccount.ts';
import {
  useAnswerCall,
  useMyCalls,
  useMySignups,
  useMyVolunteer,
  useVolunteerOptions,
  useWithdrawSignup,
  type MyVolunteer,
} from '../../api/volunteerPublic.ts';
import { useProblem } from '../../api/forms.ts';
import { atShanghai } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED, PublicShell } from '../public/PublicShell.tsx';
import { VolunteerRegisterForm } from './VolunteerRegisterForm.tsx';

export function PublicVolunteerPage() {
  const { t } = useI18n();
  const me = usePublicMe();
  const navigate = useNavigate();
  const mine = useMyVolunteer(Boolean(me.data));
  const next = encodeURIComponent('/p/volunteer');
  let body;
  if (me.isPending || (me.data && mine.isPending)) body = null;
  else if (!me.data)
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('pv.home.visitor')}</Typography.Paragraph>
        <Button type="primary" size="large" block onClick={() => navigate(`/p/signup?next=${next}`)}>
          {t('pv.home.signup')}
        </Button>
        <Button size="large" block onClick={() => navigate(`/p/login?next=${next}`)}>
          {t('pv.home.login')}
        </Button>
      </Space>
    );
  else if (!mine.data) body = <VolunteerRegisterForm me={me.data} />;
  else body = <Registered me={me.data} volunteer={mine.data} />;
  return (
    <PublicShell title={t('pv.home.title')} notice={!me.data}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {body}
        <Link to="/p/volunteer/posts">{t('pv.home.toPosts')}</Link>
        <Link to="/p/wishes">{t('pv.home.toWishes')}</Link>
      </Space>
    </PublicShell>
  );
}

function Registered({ me, volunteer: v }: { me: PublicAccountMe; volunteer: NonNullable<MyVolunteer> }) {
  const { t, label } = useI18n();
  const skills = useVolunteerOptions().data?.skills ?? [];
  const skillName = (code: string) => {
    const s = skills.find((x) => x.code === code);
    return s ? label({ zh: s.labelZh, en: s.labelEn }) : code;
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {v.status === 'pending' && <Alert type="info" showIcon title={t('pv.home.pending')} data-testid="volunteer-pending" />}
      {v.status !== 'pending' && v.status !== 'active' && (
        <Alert type="warning" showIcon title={label(VOLUNTEER_STATUS_LABELS[v.status])} />
      )}
      <Card size="small" data-testid="volunteer-card">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('pv.home.no')}>
            <strong data-testid="volunteer-no">{v.volunteerNo}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('pv.home.name')}>{v.name}</Descriptions.Item>
          <Descriptions.Item label={t('pv.home.status')}>{label(VOLUNTEER_STATUS_LABELS[v.status])}</Descriptions.Item>
          <Descriptions.Item label={t('pv.home.community')}>{v.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('pv.home.hours')}>
            <span data-testid="volunteer-hours">
              {t('pv.home.hoursValue', { hours: hoursOf(v.creditedMinutes), services: v.services })}
            </span>
          </Descriptions.Item>
          {v.skills.length > 0 && (
            <Descriptions.Item label={t('pv.reg.skills')}>
              <Space wrap size={4}>
                {v.skills.map((s) => (
                  <Tag key={s}>{skillName(s)}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          {v.teams.length > 0 && <Descriptions.Item label={t('pv.home.teams')}>{v.teams.map((x) => x.name).join('、')}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {v.status === 'active' && <MyCalls me={me} />}
      {v.status === 'active' && <MySignups me={me} />}
    </Space>
  );
}

function MySignups({ me }: { me: PublicAccountMe }) {
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const list = useMySignups(true);
  const withdraw = useWithdrawSignup();
  const items = list.data ?? [];
  return (
    <Card size="small" title={t('pv.home.signups')}>
      {items.length === 0 ? (
        <Empty description={t('pv.home.noSignups')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(s) => (
            <List.Item data-testid="my-signup">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong>{s.activityTitle}</Typography.Text>
                <Typography.Text style={{ color: MUTED }}>
                  {s.postTitle} · {s.place} · {atShanghai(s.startsAt)}
                </Typography.Text>
                <Space wrap>
                  <Tag color={s.status === 'accepted' ? 'green' : undefined}>{label(SIGNUP_STATUS_LABELS[s.status])}</Tag>
                  {s.hoursStatus && <Tag>{label(HOURS_STATUS_LABELS[s.hoursStatus])}</Tag>}
                  {s.creditedMinutes !== null && s.hoursStatus === 'approved' && (
                    <span>{t('pv.home.credited', { hours: hoursOf(s.creditedMinutes) })}</span>
                  )}
                </Space>
                {(s.status === 'applied' || s.status === 'accepted') && Date.parse(s.startsAt) > Date.now() && (
                  <Button
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: t('pv.home.withdrawConfirm'),
                        okText: t('pv.home.withdraw'),
                        cancelText: t('cancel'),
                        onOk: () =>
                          withdraw.mutateAsync({ id: s.id, csrf: me.csrfToken }).then(() => void message.success(t('pv.home.withdrawn'))),
                      })
                    }
                  >
                    {t('pv.home.withdraw')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 一呼百应: the calls a station sent, answered here (a decline lets the next best be asked). */
function MyCalls({ me }: { me: PublicAccountMe }) {
  const { t } = useI18n();
  const calls = useMyCalls(true).data ?? [];
  const answer = useAnswerCall();
  const showProblem = useProblem();
  if (!calls.length) return null;
  return (
    <Card size="small" title={t('pv.home.calls')}>
      <List
        dataSource={calls}
        renderItem={(c) => (
          <List.Item data-testid="my-call">
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong>{c.title}</Typography.Text>
              <Typography.Text style={{ color: MUTED }}>
                {c.mobilisationTitle} · {c.place} · {atShanghai(c.startsAt)}
              </Typography.Text>
              {c.status === 'sent' ? (
                <Space>
                  <Button
                    type="primary"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: c.id, answer: 'accept', csrf: me.csrfToken }, { onError: (e) => showProblem(e) })}
                  >
                    {t('pv.home.accept')}
                  </Button>
                  <Button
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: c.id, answer: 'decline', csrf: me.csrfToken }, { onError: (e) => showProblem(e) })}
                  >
                    {t('pv.home.decline')}
                  </Button>
                </Space>
              ) : (
                <Tag>{t(`pv.call.${c.status}`)}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
