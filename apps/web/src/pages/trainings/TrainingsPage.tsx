// 培训: the trainings in scope with search, filters (level, session mode, status, area, year),
// paging and Excel export, and (with training.write) the form that opens one.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { SESSION_MODE_LABELS, SESSION_MODES, TRAINING_LEVEL_LABELS, TRAINING_LEVELS, trainingCreateBody } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useCreateTraining, useTrainings, type Training, type TrainingDetail } from '../../api/trainings.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

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

type Values = { title: string; level: string; areaCode: string; capacity?: number | null; requiredShare: number; description?: string };

function TrainingForm({ onClose, onSaved }: { onClose: () => void; onSaved: (r: TrainingDetail) => void }) {
  const { t, label } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const save = useCreateTraining();
  return (
    <FormDrawer
      title={t('trw.new')}
      form={form}
      schema={trainingCreateBody}
      toInput={(v) => ({ ...v, capacity: v.capacity ?? null, requestId: crypto.randomUUID() })}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ level: 'beginner', areaCode: actor.area.code, capacity: 40, requiredShare: 0.8 }}
    >
      <Form.Item name="title" label={t('trw.title')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('trw.level')} required>
        <Select options={TRAINING_LEVELS.map((l) => ({ value: l, label: label(TRAINING_LEVEL_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="areaCode" label={t('trw.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="capacity" label={t('trw.capacity')} extra={t('trw.capacityHint')}>
        <InputNumber min={1} max={5000} />
      </Form.Item>
      <Form.Item name="requiredShare" label={t('trw.requiredShare')}>
        <Select
          options={[1, 0.9, 0.8, 0.7, 0.6, 0.5].map((v) => ({ value: v, label: `${Math.round(v * 100)}%` }))}
          style={{ width: 120 }}
        />
      </Form.Item>
      <Form.Item name="description" label={t('trw.description')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
