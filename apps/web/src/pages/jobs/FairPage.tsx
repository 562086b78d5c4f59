// A job fair: time, place, organiser, the participating organisations with their posts, and
// publish / end (confirmed; draft → published → ended only).
import { App, Button, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { FAIR_STATUS_LABELS, JOB_STATUS_LABELS, type JobFair } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useFair, useUpdateFair } from '../../api/jobs.ts';
import { useActor } from '../../api/session.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FAIR_COLOR } from './FairsPage.tsx';

export function FairPage() {
  const { id = '' } = useParams();
  const q = useFair(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Empty />;
  return <FairView fair={q.data} />;
}

function FairView({ fair: f }: { fair: JobFair }) {
  const { t, label } = useI18n();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const update = useUpdateFair(f.id);
  const manage = actor.permissions.includes('job.manage');
  const move = (status: JobFair['status'], confirm: 'fair.publishConfirm' | 'fair.endConfirm') =>
    modal.confirm({
      title: t(confirm),
      onOk: () =>
        update.mutateAsync({ status, version: f.version }).then(
          () => void message.success(t('jb.saved')),
          (e: Error) => showProblem(e),
        ),
    });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {f.title}
            </Typography.Title>
            <Tag color={FAIR_COLOR[f.status]}>{label(FAIR_STATUS_LABELS[f.status])}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {f.status !== 'draft' && <Link to={`/p/job-fairs/${f.id}`}>{t('jb.publicLink')}</Link>}
            {manage && f.status === 'draft' && (
              <Button type="primary" onClick={() => move('published', 'fair.publishConfirm')}>
                {t('fair.publish')}
              </Button>
            )}
            {manage && f.status === 'published' && <Button onClick={() => move('ended', 'fair.endConfirm')}>{t('fair.end')}</Button>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('fair.time')}>
            {formatDateTime(f.startsAt)} – {formatDateTime(f.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fair.place')}>{f.place}</Descriptions.Item>
          <Descriptions.Item label={t('fair.organiser')}>{f.organiser}</Descriptions.Item>
          <Descriptions.Item label={t('pub.jobs.area')}>{f.areaName}</Descriptions.Item>
        </Descriptions>
        {f.description && <Typography.Paragraph style={{ marginTop: 12 }}>{f.description}</Typography.Paragraph>}
      </Card>
      <Card title={`${t('fair.orgs')} (${f.orgs.length})`}>
        <List
          dataSource={f.orgs}
          renderItem={(o) => (
            <List.Item>
              <List.Item.Meta
                title={o.orgName}
                description={
                  o.jobs.length ? (
                    <Space wrap>
                      {o.jobs.map((j) => (
                        <Link key={j.id} to={`/jobs/${j.id}`}>
                          {j.title}（{j.headcount}）{j.status !== 'open' && ` · ${label(JOB_STATUS_LABELS[j.status])}`}
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    t('fair.noPosts')
                  )
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
