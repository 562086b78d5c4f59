// 继续教育学时: who is behind in their current cycle (missing hours, cycle end, a filter for
// cycles ending within N days, Excel export), the heads' review queue of outside hours (with
// ce.review), and the required hours by level (with settings.write).
import { useState } from 'react';
import { App, Button, Card, Input, Modal, Select, Space, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { CERT_KIND_LABELS, SW_LEVELS } from '@wushe/core';
import { API_BASE } from '../../api/client.ts';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useCeBehind, useCeQueue, useReviewCe, type CeBehindRow, type CeQueueEntry } from '../../api/trainings.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CE_COLOR } from './CeHoursCard.tsx';
import { RequirementsEditor } from './RequirementsEditor.tsx';

export function CeHoursPage() {
  const { t } = useI18n();
  const actor = useActor();
  const items = [
    { key: 'behind', label: t('cew.behind'), children: <BehindList /> },
    ...(actor.permissions.includes('ce.review') ? [{ key: 'review', label: t('cew.review'), children: <ReviewQueue /> }] : []),
    ...(actor.permissions.includes('settings.write')
      ? [
          {
            key: 'requirements',
            label: t('cew.requirements'),
            children: (
              <Card>
                <RequirementsEditor />
              </Card>
            ),
          },
        ]
      : []),
  ];
  return <Tabs items={items} />;
}

type BehindFilters = { area?: string; level?: string; withinDays?: number };

function BehindList() {
  const { t, label } = useI18n();
  const list = useListState<BehindFilters>({});
  const data = useCeBehind(list.query);
  const columns: ListColumn<CeBehindRow>[] = [
    {
      title: t('trw.name'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (n: string, r) => <Link to={`/workers/${r.workerId}`}>{n}</Link>,
    },
    { title: t('trw.orgName'), dataIndex: 'orgName', key: 'org', render: (o: string | null) => o ?? '—', responsive: ['md'] },
    { title: t('trw.area'), dataIndex: 'areaName', key: 'area', responsive: ['lg'] },
    { title: t('cew.level'), dataIndex: 'level', key: 'level', render: (l: CeBehindRow['level']) => label(CERT_KIND_LABELS[l]) },
    { title: t('cew.hours'), dataIndex: 'hours', key: 'hours', render: (h: number, r) => `${h}/${r.required}` },
    { title: t('cew.missing'), dataIndex: 'missing', key: 'missing', render: (m: number) => <Tag color="red">{m}</Tag> },
    { title: t('cew.cycleEnd'), dataIndex: 'end', key: 'end' },
    {
      title: t('cew.daysLeft'),
      dataIndex: 'daysLeft',
      key: 'daysLeft',
      render: (d: number) => <Tag color={d <= 90 ? 'red' : d <= 365 ? 'orange' : 'default'}>{d}</Tag>,
    },
  ];
  return (
    <ListPage<CeBehindRow, BehindFilters>
      id="ce-behind"
      title={t('cew.behind')}
      rowKey="workerId"
      columns={columns}
      data={data}
      list={list}
      exportTo={{ path: '/ce-hours/behind', filename: '继续教育未达标.xlsx' }}
      filters={
        <>
          <Select
            aria-label={t('cew.within')}
            placeholder={t('cew.within')}
            allowClear
            style={{ width: 170 }}
            value={list.filters.withinDays}
            onChange={(v) => list.setFilter('withinDays', v)}
            options={[30, 90, 180, 365].map((n) => ({ value: n, label: t('cew.withinN', { n }) }))}
          />
          <Select
            aria-label={t('cew.level')}
            placeholder={t('cew.level')}
            allowClear
            style={{ width: 140 }}
            value={list.filters.level}
            onChange={(v) => list.setFilter('level', v)}
            options={SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) }))}
          />
          <AreaPicker value={list.filters.area} onChange={(v) => list.setFilter('area', v as string | undefined)} />
        </>
      }
    />
  );
}

type QueueFilters = { status?: string; area?: string };

function ReviewQueue() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const list = useListState<QueueFilters>({ status: 'pending' });
  const data = useCeQueue(list.query);
  const review = useReviewCe();
  const [rejecting, setRejecting] = useState<CeQueueEntry | null>(null);
  const [note, setNote] = useState('');
  const decide = (r: CeQueueEntry, decision: 'approved' | 'rejected', n?: string) =>
    review.mutateAsync({ id: r.id, decision, note: n, version: r.version }).then(
      () => void message.success(t('saved')),
      (e) => showProblem(e),
    );
  const columns: ListColumn<CeQueueEntry>[] = [
    {
      title: t('cew.worker'),
      dataIndex: 'workerName',
      key: 'worker',
      hideable: false,
      render: (n: string, r) => <Link to={`/workers/${r.workerId}`}>{n}</Link>,
    },
    { title: t('trw.orgName'), dataIndex: 'orgName', key: 'org', render: (o: string | null) => o ?? '—', responsive: ['lg'] },
    { title: t('cew.title'), dataIndex: 'title', key: 'title' },
    { title: t('cew.provider'), dataIndex: 'provider', key: 'provider', responsive: ['md'] },
    { title: t('cew.onDate'), dataIndex: 'onDate', key: 'onDate' },
    { title: t('trw.hours'), dataIndex: 'hours', key: 'hours' },
    {
      title: t('cew.proof'),
      dataIndex: 'attachmentId',
      key: 'proof',
      render: (a: string) => (
        <a href={`${API_BASE}/attachments/${a}`} target="_blank" rel="noreferrer">
          {t('cew.view')}
        </a>
      ),
    },
    {
      title: t('trw.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: CeQueueEntry['status'], r) =>
        s === 'pending' ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => void decide(r, 'approved')}>
              {t('cew.approve')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
              {t('cew.reject')}
            </Button>
          </Space>
        ) : (
          <Space size={4}>
            <Tag color={CE_COLOR[s]}>{t(`cew.st.${s}`)}</Tag>
            {r.reviewNote}
          </Space>
        ),
    },
  ];
  return (
    <ListPage<CeQueueEntry, QueueFilters>
      id="ce-review"
      title={t('cew.review')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      filters={
        <>
          <Select
            aria-label={t('trw.status')}
            style={{ width: 110 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`cew.st.${s}`) }))}
          />
          <AreaPicker value={list.filters.area} onChange={(v) => list.setFilter('area', v as string | undefined)} />
        </>
      }
    >
      <Modal
        open={!!rejecting}
        title={t('cew.rejectTitle')}
        okText={t('cew.reject')}
        okButtonProps={{ danger: true, disabled: note.trim().length < 2 }}
        cancelText={t('cancel')}
        onCancel={() => setRejecting(null)}
        onOk={() => void decide(rejecting!, 'rejected', note.trim()).then(() => (setRejecting(null), setNote('')))}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t('cew.note')} rows={3} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </ListPage>
  );
}
