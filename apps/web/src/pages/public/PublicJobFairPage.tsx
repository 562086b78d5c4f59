// /p/job-fairs/:id: a job fair on a phone (no login): time, place, organiser, and the
// participating organisations with their posts, each post linking to its page.
import { Card, Descriptions, List, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { usePublicFair } from '../../api/jobs.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

export function PublicJobFairPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const f = usePublicFair(id).data;
  if (!f) return <PublicShell title="">{null}</PublicShell>;
  return (
    <PublicShell title={f.title} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('fair.time')}>
            {formatDateTime(f.startsAt).slice(0, 16)} – {formatDateTime(f.endsAt).slice(11, 16)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fair.place')}>{f.place}</Descriptions.Item>
          <Descriptions.Item label={t('fair.organiser')}>{f.organiser}</Descriptions.Item>
        </Descriptions>
        {f.description && <Typography.Paragraph>{f.description}</Typography.Paragraph>}
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('pub.fair.orgs')}
        </Typography.Title>
        {f.orgs.map((o) => (
          <Card key={o.orgId} size="small" title={o.orgName}>
            <List
              size="small"
              dataSource={o.jobs}
              locale={{ emptyText: t('fair.noPosts') }}
              renderItem={(j) => (
                <List.Item>
                  <Link to={`/p/jobs/${j.id}`}>{j.title}</Link>
                  <span style={{ color: MUTED }}>{t('pub.job.headcount', { n: j.headcount })}</span>
                </List.Item>
              )}
            />
          </Card>
        ))}
        <Link to="/p/jobs">{t('pub.job.back')}</Link>
      </Space>
    </PublicShell>
  );
}
