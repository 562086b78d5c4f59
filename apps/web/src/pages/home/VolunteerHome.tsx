// 工作台 of a volunteer (issue 11 item 10): their number and hours this year, open posts and wishes
// of their street (signing up and claiming happen on the public site with their mobile), their
// sign-ups with check-in and hours, the wishes they claimed, and their certificates.
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { HOURS_STATUS_LABELS, SIGNUP_STATUS_LABELS } from '@wushe/core';
import { useVolunteerHome } from '../../api/volunteers.ts';
import { atShanghai } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export function VolunteerHome() {
  const { t, label } = useI18n();
  const q = useVolunteerHome(true);
  const h = q.data;
  if (q.isPending) return null;
  if (!h?.volunteer) return <Empty description={t('vh.none')} />;
  const v = h.volunteer;
  return (
    <Row gutter={[16, 16]} data-testid="volunteer-home">
      <Col xs={24}>
        <Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('vh.no')} value={v.volunteerNo} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('vh.yearHours')} value={h.year?.hours ?? 0} suffix={t('vh.hoursUnit')} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('vh.yearServices')} value={h.year?.services ?? 0} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('vh.teams')} value={v.teams.map((x) => x.name).join('、') || '—'} valueStyle={{ fontSize: 16 }} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('vh.posts')} extra={<a href="/p/volunteer/posts">{t('vh.more')}</a>}>
          <List
            locale={{ emptyText: t('vh.noPosts') }}
            dataSource={h.posts}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta
                  title={`${p.title} · ${p.activityTitle}`}
                  description={`${p.place} · ${atShanghai(p.startsAt)} · ${t('vh.taken', { accepted: p.accepted, slots: p.slots })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('vh.wishes')} extra={<a href="/p/wishes">{t('vh.more')}</a>}>
          <List
            locale={{ emptyText: t('vh.noWishes') }}
            dataSource={h.wishes}
            renderItem={(w) => (
              <List.Item>
                <List.Item.Meta
                  title={<a href={`/p/wishes/${w.id}`}>{w.title}</a>}
                  description={`${w.label} · ${t('vh.deadline', { day: w.deadline })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('vh.signups')}>
          <List
            locale={{ emptyText: t('vh.noSignups') }}
            dataSource={h.signups}
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta title={s.activityTitle} description={`${s.postTitle} · ${atShanghai(s.startsAt)}`} />
                <Tag>{label(SIGNUP_STATUS_LABELS[s.status])}</Tag>
                {s.hoursStatus && <Tag>{label(HOURS_STATUS_LABELS[s.hoursStatus])}</Tag>}
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('vh.claimsAndCertificates')}>
          <Typography.Text strong>{t('vh.claims')}</Typography.Text>
          <List
            size="small"
            locale={{ emptyText: t('vh.noClaims') }}
            dataSource={h.claims}
            renderItem={(c) => (
              <List.Item>
                {c.title} · {atShanghai(c.claimedAt).slice(0, 10)}
              </List.Item>
            )}
          />
          <Typography.Text strong>{t('vh.certificates')}</Typography.Text>
          <List
            size="small"
            locale={{ emptyText: t('vh.noCertificates') }}
            dataSource={h.certificates}
            renderItem={(c) => (
              <List.Item>
                <a href={`/v/${c.code}`}>{c.number}</a> · {c.periodFrom}–{c.periodTo} · {t('vh.hoursValue', { hours: c.hours })}
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
