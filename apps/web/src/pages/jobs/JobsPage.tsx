// 招聘岗位: the posts in the scope with search, status and certificate filters, server paging,
// Excel export, and (with job.manage) the form that posts one.
import { useState } from 'react';
import { Button, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { CERT_KIND_LABELS, JOB_STATUS_LABELS, JOB_STATUSES, SW_LEVELS, salaryText, type Job } from '@wushe/core';
import { useJobs } from '../../api/jobs.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { JobForm } from './JobForm.tsx';

type Filters = { q?: string; status?: string; level?: string };
export const STATUS_COLOR: Record<Job['status'], string> = { draft: 'default', open: 'green', closed: 'red' };

export function JobsPage() {
  const { t, label, lang } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({}, '-createdAt');
  const data = useJobs(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<Job>[] = [
    {
      title: t('jb.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, j) => <Link to={`/jobs/${j.id}`}>{s}</Link>,
    },
    { title: t('jb.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('jb.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('jb.headcount'), dataIndex: 'headcount', key: 'headcount', responsive: ['md'] },
    {
      title: t('jb.salary'),
      key: 'salary',
      responsive: ['lg'],
      render: (_: unknown, j) => salaryText(j.salaryMinFen, j.salaryMaxFen, lang),
    },
    {
      title: t('jb.level'),
      dataIndex: 'certLevel',
      key: 'certLevel',
      responsive: ['lg'],
      render: (l: Job['certLevel']) => (l ? label(CERT_KIND_LABELS[l]) : t('jb.any')),
    },
    { title: t('jb.deadline'), dataIndex: 'deadline', key: 'deadline', responsive: ['md'] },
    { title: t('jb.applications'), dataIndex: 'counts', key: 'counts', render: (c: Job['counts']) => c.total },
    {
      title: t('jb.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Job['status']) => <Tag color={STATUS_COLOR[s]}>{label(JOB_STATUS_LABELS[s])}</Tag>,
    },
  ];
  const create = actor.permissions.includes('job.manage') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('jb.new')}
    </Button>
  );
  return (
    <ListPage<Job, Filters>
      id="jobs"
      title={t('menu.jobs')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('jb.search') }}
      actions={create}
      emptyAction={create}
      exportTo={{ path: '/jobs', filename: 'jobs.xlsx' }}
      filters={
        <>
          <Select
            aria-label={t('jb.status')}
            placeholder={t('jb.status')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={JOB_STATUSES.map((s) => ({ value: s, label: label(JOB_STATUS_LABELS[s]) }))}
          />
          <Select
            aria-label={t('jb.level')}
            placeholder={t('jb.level')}
            allowClear
            style={{ width: 170 }}
            value={list.filters.level}
            onChange={(v) => list.setFilter('level', v)}
            options={[...SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) })), { value: 'none', label: t('jb.any') }]}
          />
        </>
      }
    >
      {adding && <JobForm onClose={() => setAdding(false)} onSaved={(j) => navigate(`/jobs/${j.id}`)} />}
    </ListPage>
  );
}
