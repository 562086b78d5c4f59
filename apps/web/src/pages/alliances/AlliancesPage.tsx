// 人才基地联盟: the alliances the scope keeps or has a base in, with search, paging, Excel export
// and (with alliance.write) the form that sets one up.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { allianceBody } from '@wushe/core';
import { useAlliances, useCreateAlliance, type Alliance, type AllianceSummary } from '../../api/alliances.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { OrgSelect } from '../users/OrgSelect.tsx';

type Filters = { q?: string };

export function AlliancesPage() {
  const { t } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({}, 'signedOn');
  const data = useAlliances(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<AllianceSummary>[] = [
    {
      title: t('al.name'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (s: string, a) => <Link to={`/alliances/${a.id}`}>{s}</Link>,
    },
    { title: t('al.lead'), dataIndex: 'leadName', key: 'lead', responsive: ['md'] },
    { title: t('al.area'), dataIndex: 'areaName', key: 'area', responsive: ['md'] },
    { title: t('al.signedOn'), dataIndex: 'signedOn', key: 'signedOn' },
    { title: t('al.members'), dataIndex: 'members', key: 'members' },
    { title: t('al.events'), dataIndex: 'events', key: 'events', responsive: ['md'] },
    { title: t('al.trainings'), dataIndex: 'trainings', key: 'trainings', responsive: ['lg'] },
    {
      title: '',
      dataIndex: 'own',
      key: 'own',
      render: (own: boolean) => <Tag color={own ? 'blue' : 'default'}>{t(own ? 'al.own' : 'al.viaMember')}</Tag>,
    },
  ];
  const create = actor.permissions.includes('alliance.write') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('al.new')}
    </Button>
  );
  return (
    <ListPage<AllianceSummary, Filters>
      id="alliances"
      title={t('menu.alliances')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('al.search') }}
      exportTo={{ path: '/alliances', filename: 'alliances.xlsx' }}
      actions={create}
      emptyAction={create}
    >
      {adding && <AllianceForm onClose={() => setAdding(false)} onSaved={(a) => navigate(`/alliances/${a.id}`)} />}
    </ListPage>
  );
}

type Values = { name: string; areaCode: string; leadOrgId: string; signedOn?: Dayjs; charter?: string };

function AllianceForm({ onClose, onSaved }: { onClose: () => void; onSaved: (a: Alliance) => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const save = useCreateAlliance();
  return (
    <FormDrawer
      title={t('al.new')}
      form={form}
      schema={allianceBody}
      toInput={(v) => ({ ...v, name: v.name ?? '', signedOn: v.signedOn?.format('YYYY-MM-DD') })}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ areaCode: actor.area.code }}
    >
      <Form.Item name="name" label={t('al.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="areaCode" label={t('al.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="leadOrgId" label={t('al.lead')} required>
        <OrgSelect />
      </Form.Item>
      <Form.Item name="signedOn" label={t('al.signedOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="charter" label={t('al.charter')}>
        <Input.TextArea rows={5} />
      </Form.Item>
    </FormDrawer>
  );
}
