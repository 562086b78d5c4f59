// /p/jobs: the open social-work posts on a phone (no login): search by keyword, area and
// certificate level, a page at a time; the published job fairs above the list.
import { useState } from 'react';
import { Card, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CERT_KIND_LABELS, SW_LEVELS, salaryText } from '@wushe/core';
import { usePublicFairs, usePublicJobs, type PublicJobSummary } from '../../api/jobs.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { areasOf, PublicFilters } from './PublicFilters.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

const PAGE = 10;

export function PublicJobsPage() {
  const { t, label, lang } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = usePublicJobs({ q, area, level, page, pageSize: PAGE });
  // The areas that have open posts (from the first 100), for the area filter.
  const all = usePublicJobs({ pageSize: 100 });
  const areas = areasOf(all.data?.items ?? []);
  const fairs = (usePublicFairs().data ?? []).filter((f) => f.status === 'published');
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <PublicShell title={t('pub.jobs.title')} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {fairs.length > 0 && (
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('pub.jobs.fairs')}</h2>}>
            {fairs.map((f) => (
              <Typography.Paragraph key={f.id} style={{ marginBottom: 4 }}>
                <Link to={`/p/job-fairs/${f.id}`}>{f.title}</Link>
                <br />
                <span style={{ color: MUTED }}>
                  {formatDateTime(f.startsAt).slice(0, 16)} · {f.place}
                </span>
              </Typography.Paragraph>
            ))}
          </Card>
        )}
        <PublicFilters
          searchLabel={t('pub.jobs.search')}
          onSearch={reset(setQ)}
          pickers={[
            {
              label: t('pub.jobs.area'),
              placeholder: t('pub.jobs.allAreas'),
              value: area,
              onChange: reset(setArea),
              options: areas.map(([code, name]) => ({ value: code, label: name })),
            },
            {
              label: t('jb.level'),
              placeholder: t('jb.level'),
              value: level,
              onChange: reset(setLevel),
              options: [...SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) })), { value: 'none', label: t('jb.any') }],
            },
          ]}
        />
        <Typography.Text style={{ color: MUTED }} data-testid="jobs-count">
          {t('pub.jobs.count', { n: list.data?.total ?? 0 })}
        </Typography.Text>
        <List<PublicJobSummary>
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('pub.jobs.none')} /> }}
          renderItem={(j) => (
            <List.Item style={{ display: 'block' }}>
              <Link to={`/p/jobs/${j.id}`} style={{ fontSize: 17, fontWeight: 600 }}>
                {j.title}
              </Link>
              <div style={{ color: '#cf1322', margin: '4px 0' }}>{salaryText(j.salaryMinFen, j.salaryMaxFen, lang)}</div>
              <div style={{ color: MUTED }}>
                {j.orgName} · {j.areaName}
              </div>
              <Space size={4} wrap style={{ marginTop: 6 }}>
                <Tag>{j.certLevel ? label(CERT_KIND_LABELS[j.certLevel]) : t('jb.any')}</Tag>
                <Tag>{t('pub.job.headcount', { n: j.headcount })}</Tag>
                {j.deadline && <Tag>{t('pub.job.deadline', { date: j.deadline })}</Tag>}
              </Space>
            </List.Item>
          )}
        />
        <Pagination
          simple
          current={page}
          pageSize={PAGE}
          total={list.data?.total ?? 0}
          onChange={setPage}
          hideOnSinglePage
          style={{ textAlign: 'center' }}
        />
      </Space>
    </PublicShell>
  );
}
