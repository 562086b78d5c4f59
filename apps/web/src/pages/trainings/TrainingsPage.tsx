// 培训: the trainings in scope with search, filters (level, session mode, status, area, year),
// paging and Excel export, and (with training.write) the form that opens one.
import { useState } from 'react';
import { Button, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { SESSION_MODE_LABELS, SESSION_MODES, TRAINING_LEVEL_LABELS, TRAINING_LEVELS } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useTrainings, type Training } from '../../api/trainings.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { TrainingForm } from './TrainingForm.tsx';

type Filters = { q?: string; level?: string; mode?: string; status?: string; area?: string; year?: number };
const STATUSES = ['open', 'closed', 'cancelled'] as const;
export const STATUS_COLOR = { open: 'green', closed: 'default', cancelled: 'red' } as const;

export function TrainingsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({});
  const data = useTrainings(list.query);
  const [adding, setAdding] = useState(false);
  const thisYear = new Date().getFullYear();
  const columns: ListColumn<Training>[] = [
    {
      title: t('trw.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, r) => <Link to={`/trainings/${r.id}`}>{s}</Link>,
    },
    { title: t('trw.level'), dataIndex: 'level', key: 'level', render: (l: Training['level']) => label(TRAINING_LEVEL_LABELS[l]) },
    {
      title: t('trw.when'),
      dataIndex: 'firstStart',
      key: 'when',
      render: (_: unknown, r) => (r.firstStart ? `${formatDate(r.firstStart)} ~ ${formatDate(r.lastEnd)}` : '—'),
    },
    {
      title: t('trw.hours'),
      dataIndex: 'hours',
      key: 'hours',
      responsive: ['md'],
      render: (h: number, r) => `${h}（${t('trw.sessionsN', { n: r.sessions })}）`,
    },
    {
      title: t('trw.registered'),
      dataIndex: 'registered',
      key: 'registered',
      render: (n: number, r) => `${n}/${r.capacity ?? t('trw.unlimited')}${r.waiting ? ` +${r.waiting}` : ''}`,
    },
    { title: t('trw.area'), dataIndex: 'areaName', key: 'area', responsive: ['lg'] },
    {
      title: t('trw.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Training['status']) => <Tag color={STATUS_COLOR[s]}>{t(`trw.st.${s}`)}</Tag>,
    },
  ];
  const create = actor.permissions.includes('training.write') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('trw.new')}
    </Button>
  );
  return (
    <ListPage<Training, Filters>
      id="trainings"
      title={t('menu.trainings')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('trw.search') }}
      actions={create}
      emptyAction={create}
      exportTo={{ path: '/trainings', filename: '培训列表.xlsx' }}
      filters={
        <>
          <Select
            aria-label={t('trw.level')}
            placeholder={t('trw.level')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.level}
            onChange={(v) => list.setFilter('level', v)}
            options={TRAINING_LEVELS.map((l) => ({ value: l, label: label(TRAINING_LEVEL_LABELS[l]) }))}
          />
          <Select
            aria-label={t('trw.mode')}
            placeholder={t('trw.mode')}
            allowClear
            style={{ width: 140 }}
            value={list.filters.mode}
            onChange={(v) => list.setFilter('mode', v)}
            options={SESSION_MODES.map((m) => ({ value: m, label: label(SESSION_MODE_LABELS[m]) }))}
          />
          <Select
            aria-label={t('trw.status')}
            placeholder={t('trw.status')}
            allowClear
            style={{ width: 110 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`trw.st.${s}`) }))}
          />
          <Select
            aria-label={t('trw.year')}
            placeholder={t('trw.year')}
            allowClear
            style={{ width: 100 }}
            value={list.filters.year}
            onChange={(v) => list.setFilter('year', v)}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
          />
          <AreaPicker value={list.filters.area} onChange={(v) => list.setFilter('area', v as string | undefined)} />
        </>
      }
    >
      {adding && <TrainingForm onClose={() => setAdding(false)} onSaved={(r) => navigate(`/trainings/${r.id}`)} />}
    </ListPage>
  );
}
