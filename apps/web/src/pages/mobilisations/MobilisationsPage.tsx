// 一呼百应: the call-outs of the scope, newest first, with how many places are filled; filters by
// status and area, a search of the titles; server paging; Excel export. A row opens the call-out. With volunteer.write a call-out is
// described in the form drawer and opens once saved.
import { useState } from 'react';
import { Button, Grid, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMobilisations, type MobilisationSummary } from '../../api/mobilisations.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { shanghai, useVolunteerRights } from '../volunteers/tags.tsx';
import { MobilisationForm } from './MobilisationForm.tsx';
import { FillProgress, MobilisationStatusTag } from './parts.tsx';

type Filters = { q?: string; status?: string; area?: string };
const STATUSES = ['draft', 'sent', 'closed'] as const;

export function MobilisationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useVolunteerRights();
  // A phone shows the count alone: the bar would push it out of sight.
  const narrow = !Grid.useBreakpoint().md;
  const list = useListState<Filters>({});
  const data = useMobilisations(list.query);
  const [adding, setAdding] = useState(false);

  const columns: ListColumn<MobilisationSummary>[] = [
    {
      title: t('mob.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (title: string, m) => (
        <Link to={`/mobilisations/${m.id}`} onClick={(e) => e.stopPropagation()}>
          {title}
        </Link>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: MobilisationSummary['status']) => <MobilisationStatusTag status={s} />,
    },
    {
      title: t('mob.places'),
      key: 'places',
      render: (_: unknown, m) =>
        narrow ? (
          t('mob.filled', { accepted: m.accepted, slots: m.slots })
        ) : (
          <FillProgress accepted={m.accepted} slots={m.slots} width={140} />
        ),
    },
    {
      title: t('mob.sentAt'),
      dataIndex: 'sentAt',
      key: 'sentAt',
      responsive: ['md'],
      render: (s: string | null) => (s ? shanghai(s) : t('mob.notSent')),
    },
    { title: t('mob.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['lg'], render: (s: string) => shanghai(s) },
  ];

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('mob.new')}
    </Button>
  );

  return (
    <ListPage<MobilisationSummary, Filters>
      id="mobilisations"
      title={t('menu.mobilisations')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('mob.search'), width: 220 }}
      exportTo={{ path: '/mobilisations', filename: 'call-outs.xlsx' }}
      actions={create}
      emptyAction={create}
      table={{ onRow: (m) => ({ onClick: () => navigate(`/mobilisations/${m.id}`), style: { cursor: 'pointer' } }) }}
      filters={
        <>
          <Select
            aria-label={t('filter.status')}
            placeholder={t('status')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`mob.status.${s}`) }))}
          />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('area')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
        </>
      }
    >
      {adding && <MobilisationForm onClose={() => setAdding(false)} onSaved={(m) => navigate(`/mobilisations/${m.id}`)} />}
    </ListPage>
  );
}
