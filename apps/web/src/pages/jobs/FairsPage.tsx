// 招聘会: the job fairs in the scope with search, status filter and paging; the form that plans
// one (time, place, organiser, participating organisations and their posts).
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { FAIR_STATUS_LABELS, FAIR_STATUSES, fairCreateBody, type JobFair } from '@wushe/core';
import { useCreateFair, useFairs, useJobs, type JobFairSummary } from '../../api/jobs.ts';
import { useOrgs } from '../../api/orgs.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

type Filters = { q?: string; status?: string };
/** The pickers hold ISO strings (as the API, so its field errors land on them). */
const asIso = {
  normalize: (d: Dayjs | null) => d?.toISOString(),
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
};
export const FAIR_COLOR: Record<JobFair['status'], string> = { draft: 'default', published: 'green', ended: 'default' };

export function FairsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({});
  const data = useFairs(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<JobFairSummary>[] = [
    {
      title: t('fair.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, f) => <Link to={`/job-fairs/${f.id}`}>{s}</Link>,
    },
    { title: t('fair.time'), dataIndex: 'startsAt', key: 'startsAt', render: (s: string) => formatDateTime(s) },
    { title: t('fair.place'), dataIndex: 'place', key: 'place', responsive: ['md'] },
    { title: t('fair.organiser'), dataIndex: 'organiser', key: 'organiser', responsive: ['lg'] },
    { title: t('fair.orgs'), dataIndex: 'orgCount', key: 'orgCount' },
    { title: t('fair.jobs'), dataIndex: 'jobCount', key: 'jobCount' },
    {
      title: t('fair.state'),
      dataIndex: 'status',
      key: 'status',
      render: (s: JobFair['status']) => <Tag color={FAIR_COLOR[s]}>{label(FAIR_STATUS_LABELS[s])}</Tag>,
    },
  ];
  const create = actor.permissions.includes('job.manage') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('fair.new')}
    </Button>
  );
  return (
    <ListPage<JobFairSummary, Filters>
      id="job-fairs"
      title={t('menu.jobFairs')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('fair.search') }}
      exportTo={{ path: '/job-fairs', filename: 'job-fairs.xlsx' }}
      actions={create}
      emptyAction={create}
      filters={
        <Select
          aria-label={t('fair.state')}
          placeholder={t('fair.state')}
          allowClear
          style={{ width: 120 }}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={FAIR_STATUSES.map((s) => ({ value: s, label: label(FAIR_STATUS_LABELS[s]) }))}
        />
      }
    >
      {adding && <FairForm onClose={() => setAdding(false)} onSaved={(f) => navigate(`/job-fairs/${f.id}`)} />}
    </ListPage>
  );
}

type Values = {
  title: string;
  areaCode: string;
  startsAt?: string;
  endsAt?: string;
  place: string;
  organiser: string;
  description?: string;
  orgIds: string[];
  jobIds: string[];
};

function FairForm({ onClose, onSaved }: { onClose: () => void; onSaved: (f: JobFair) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useCreateFair();
  const orgIds = Form.useWatch('orgIds', form) ?? [];
  const orgs = useOrgs({ pageSize: 100, active: 'true' });
  const jobs = useJobs({ pageSize: 100, status: 'open' });
  const orgOptions = (orgs.data?.items ?? [])
    .filter((o) => o.kind === 'agency' || o.kind === 'station')
    .map((o) => ({ value: o.id, label: o.name }));
  const jobOptions = (jobs.data?.items ?? [])
    .filter((j) => orgIds.includes(j.orgId))
    .map((j) => ({ value: j.id, label: `${j.orgName} · ${j.title}` }));
  return (
    <FormDrawer
      title={t('fair.new')}
      form={form}
      schema={fairCreateBody}
      toInput={(v) => ({
        ...v,
        title: v.title ?? '',
        areaCode: v.areaCode ?? '',
        place: v.place ?? '',
        organiser: v.organiser ?? '',
        startsAt: v.startsAt ?? '',
        endsAt: v.endsAt ?? '',
      })}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ orgIds: [], jobIds: [] }}
    >
      <Form.Item name="title" label={t('fair.title')} required>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="areaCode" label={t('pub.jobs.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="startsAt" label={t('fair.starts')} required {...asIso}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="endsAt" label={t('fair.ends')} required {...asIso}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="place" label={t('fair.place')} required>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="organiser" label={t('fair.organiser')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('fair.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="orgIds" label={t('fair.orgs')}>
        <Select mode="multiple" options={orgOptions} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="jobIds" label={t('fair.jobs')}>
        <Select mode="multiple" options={jobOptions} optionFilterProp="label" />
      </Form.Item>
    </FormDrawer>
  );
}
