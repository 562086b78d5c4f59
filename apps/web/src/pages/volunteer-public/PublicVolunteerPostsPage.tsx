// /p/volunteer/posts: open volunteer posts on a phone (no login to read): the activity, place and
// time, the skills asked for and the places taken; a confirmed volunteer signs up from here.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Pagination, Progress, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { usePublicMe } from '../../api/publicAccount.ts';
import {
  useApplyForPost,
  useMySignups,
  useMyVolunteer,
  useOpenPosts,
  useVolunteerOptions,
  type PublicPost,
} from '../../api/volunteerPublic.ts';
import { useProblem } from '../../api/forms.ts';
import { atShanghai, timeShanghai } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PublicFilters } from '../public/PublicFilters.tsx';
import { MUTED, PublicShell } from '../public/PublicShell.tsx';

const PAGE = 10;

export function PublicVolunteerPostsPage() {
  const { t, label } = useI18n();
  const me = usePublicMe().data;
  const volunteer = useMyVolunteer(Boolean(me)).data;
  const signedUp = new Set(
    (useMySignups(volunteer?.status === 'active').data ?? []).filter((s) => s.status !== 'withdrawn').map((s) => s.postId),
  );
  const options = useVolunteerOptions().data;
  const skills = options?.skills ?? [];
  const [area, setArea] = useState<string | undefined>(volunteer?.areaCode.slice(0, 9));
  const [q, setQ] = useState<string | undefined>();
  const [skill, setSkill] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useOpenPosts({ q, skill, area, page, pageSize: PAGE });
  // Streets of the installation, for "near me".
  const streets = [...new Map((options?.communities ?? []).map((c) => [c.code.slice(0, 9), c.streetName])).entries()];
  const skillName = (code: string) => {
    const s = skills.find((x) => x.code === code);
    return s ? label({ zh: s.labelZh, en: s.labelEn }) : code;
  };
  return (
    <PublicShell title={t('pv.posts.title')} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('pv.posts.lead')}</Typography.Paragraph>
        <Link to="/p/volunteer">{volunteer ? t('pv.posts.mine') : t('pv.posts.register')}</Link>
        {volunteer?.status === 'pending' && <Alert type="info" showIcon title={t('pv.home.pending')} />}
        <PublicFilters
          searchLabel={t('pv.posts.search')}
          onSearch={(v) => (setQ(v), setPage(1))}
          pickers={[
            {
              label: t('pv.posts.street'),
              placeholder: t('pv.posts.allStreets'),
              value: area,
              onChange: (v) => (setArea(v), setPage(1)),
              options: streets.map(([code, name]) => ({ value: code, label: name })),
            },
            {
              label: t('pv.reg.skills'),
              placeholder: t('pv.posts.allSkills'),
              value: skill,
              onChange: (v) => (setSkill(v), setPage(1)),
              options: skills.map((s) => ({ value: s.code, label: label({ zh: s.labelZh, en: s.labelEn }) })),
            },
          ]}
        />
        {list.data && list.data.items.length === 0 ? (
          <Empty description={t('pv.posts.none')} />
        ) : (
          <List
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            renderItem={(p) => (
              <List.Item style={{ padding: 0, border: 'none', marginBottom: 12 }}>
                <PostCard
                  post={p}
                  skillName={skillName}
                  taken={signedUp.has(p.id)}
                  canApply={volunteer?.status === 'active'}
                  signedIn={Boolean(me)}
                  csrf={me?.csrfToken}
                />
              </List.Item>
            )}
          />
        )}
        {(list.data?.total ?? 0) > PAGE && (
          <Pagination align="center" current={page} pageSize={PAGE} total={list.data?.total} onChange={setPage} showSizeChanger={false} />
        )}
      </Space>
    </PublicShell>
  );
}

function PostCard(props: {
  post: PublicPost;
  skillName: (c: string) => string;
  taken: boolean;
  canApply: boolean;
  signedIn: boolean;
  csrf?: string;
}) {
  const { post: p, skillName, taken, canApply, signedIn, csrf } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const apply = useApplyForPost();
  const showProblem = useProblem();
  const full = p.accepted >= p.slots;
  return (
    <Card size="small" style={{ width: '100%' }} title={p.title} data-testid="volunteer-post">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>{p.activityTitle}</Typography.Text>
        <Typography.Text style={{ color: MUTED }}>
          {p.areaName} · {p.place}
        </Typography.Text>
        <Typography.Text>
          {atShanghai(p.startsAt)}–{timeShanghai(p.endsAt)}
        </Typography.Text>
        {p.duty && <Typography.Paragraph style={{ marginBottom: 0 }}>{p.duty}</Typography.Paragraph>}
        {p.skills.length > 0 && (
          <Space wrap size={4}>
            {p.skills.map((s) => (
              <Tag key={s}>{skillName(s)}</Tag>
            ))}
          </Space>
        )}
        <Progress
          aria-label={t('pv.posts.taken', { accepted: p.accepted, slots: p.slots })}
          percent={Math.round((100 * p.accepted) / p.slots)}
          format={() => t('pv.posts.taken', { accepted: p.accepted, slots: p.slots })}
        />
        {taken ? (
          <Tag color="green">{t('pv.posts.applied')}</Tag>
        ) : !signedIn ? (
          <Button size="large" block onClick={() => navigate(`/p/login?next=${encodeURIComponent('/p/volunteer/posts')}`)}>
            {t('pv.posts.loginToApply')}
          </Button>
        ) : (
          <Button
            type="primary"
            size="large"
            block
            disabled={!canApply || full}
            loading={apply.isPending}
            onClick={() =>
              apply.mutate(
                { postId: p.id, csrf: csrf! },
                { onSuccess: () => void message.success(t('pv.posts.done')), onError: (e) => showProblem(e) },
              )
            }
          >
            {full ? t('pv.posts.full') : t('pv.posts.apply')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
