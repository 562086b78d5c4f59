// 人才选拔与评优: the programmes and awards seen from the scope, with search, filters, paging,
// and (for officials) the form that opens one with its stages and rubric.
import { useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  PROGRAMME_KIND_LABELS,
  PROGRAMME_KINDS,
  PROGRAMME_STAGE_LABELS,
  PROGRAMME_STAGES,
  TITLE_KIND_LABELS,
  TITLE_KINDS,
  programmeCreateBody,
  type Programme,
} from '@wushe/core';
import { useCreateProgramme, useProgrammes } from '../../api/programmes.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Filters = { q?: string; kind?: string; stage?: string };
const RUBRIC = [
  { key: 'practice', label: '专业实务', max: 40 },
  { key: 'speech', label: '答辩表达', max: 30 },
  { key: 'plan', label: '发展规划', max: 30 },
];

export function ProgrammesPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({}, 'createdAt');
  const data = useProgrammes(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<Programme>[] = [
    {
      title: t('pg.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, p) => <Link to={`/programmes/${p.id}`}>{s}</Link>,
    },
    { title: t('pg.kind'), dataIndex: 'kind', key: 'kind', render: (k: Programme['kind']) => label(PROGRAMME_KIND_LABELS[k]) },
    { title: t('pg.year'), dataIndex: 'year', key: 'year' },
    { title: t('pg.places'), dataIndex: 'places', key: 'places', responsive: ['md'] },
    { title: t('pg.applicants'), dataIndex: 'counts', key: 'counts', render: (c: Programme['counts']) => c.all },
    {
      title: t('pg.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (s: Programme['stage']) => <Tag color={s === 'done' ? 'green' : 'blue'}>{label(PROGRAMME_STAGE_LABELS[s])}</Tag>,
    },
  ];
  const create = actor.permissions.includes('programme.manage') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('pg.new')}
    </Button>
  );
  return (
    <ListPage<Programme, Filters>
      id="programmes"
      title={t('menu.programmes')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('pg.search') }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <Select
            aria-label={t('pg.kind')}
            placeholder={t('pg.kind')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={PROGRAMME_KINDS.map((k) => ({ value: k, label: label(PROGRAMME_KIND_LABELS[k]) }))}
          />
          <Select
            aria-label={t('pg.stage')}
            placeholder={t('pg.stage')}
            allowClear
            style={{ width: 150 }}
            value={list.filters.stage}
            onChange={(v) => list.setFilter('stage', v)}
            options={PROGRAMME_STAGES.map((s) => ({ value: s, label: label(PROGRAMME_STAGE_LABELS[s]) }))}
          />
        </>
      }
    >
      {adding && <ProgrammeForm onClose={() => setAdding(false)} onSaved={(p) => navigate(`/programmes/${p.id}`)} />}
    </ListPage>
  );
}

type Values = {
  kind: string;
  title: string;
  areaCode: string;
  year: number;
  places: number;
  stages: string[];
  titleKind?: string;
  publicityDays: number;
};

function ProgrammeForm({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Programme) => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useCreateProgramme();
  return (
    <FormDrawer
      title={t('pg.new')}
      form={form}
      schema={programmeCreateBody}
      toInput={(v) => ({ ...v, rubric: v.stages?.includes('panel') ? RUBRIC : [], titleKind: v.titleKind ?? null })}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{
        kind: 'talent',
        year: new Date().getFullYear(),
        places: 30,
        stages: ['review', 'written', 'panel'],
        publicityDays: 7,
      }}
    >
      <Form.Item name="kind" label={t('pg.kind')}>
        <Select options={PROGRAMME_KINDS.map((k) => ({ value: k, label: label(PROGRAMME_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('pg.title')} required>
        <Input />
      </Form.Item>
      <Form.Item name="areaCode" label={t('pg.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="year" label={t('pg.year')}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="places" label={t('pg.places')}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="stages" label={t('pg.stages')}>
        <Checkbox.Group
          options={(['review', 'written', 'panel'] as const).map((s) => ({ value: s, label: label(PROGRAMME_STAGE_LABELS[s]) }))}
        />
      </Form.Item>
      <Form.Item name="titleKind" label={t('pg.titleKind')}>
        <Select allowClear options={TITLE_KINDS.map((k) => ({ value: k, label: label(TITLE_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="publicityDays" label={t('pg.publicityDays')}>
        <InputNumber min={1} max={30} />
      </Form.Item>
    </FormDrawer>
  );
}
