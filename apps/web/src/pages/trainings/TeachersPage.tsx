// 师资库: the teacher pool with search by name, filters by subject, area and active, paging; each
// teacher's subjects, sessions taught and rating (from the course evaluations), the sessions they
// taught, and (with training.write) adding, editing and deactivating.
import { useState } from 'react';
import { Button, Drawer, Form, Input, Rate, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { teacherBody, teacherUpdateBody } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useSaveTeacher, useTeacher, useTeachers, type Teacher } from '../../api/trainings.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

type Filters = { q?: string; subject?: string; area?: string; active?: string };

export function TeachersPage() {
  const { t } = useI18n();
  const actor = useActor();
  const canWrite = actor.permissions.includes('training.write');
  const list = useListState<Filters>({ active: 'yes' });
  const data = useTeachers(list.query);
  const [editing, setEditing] = useState<Teacher | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const columns: ListColumn<Teacher>[] = [
    {
      title: t('tc.name'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (n: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setViewing(r.id)}>
          {n}
        </Button>
      ),
    },
    { title: t('tc.affiliation'), dataIndex: 'affiliation', key: 'affiliation', render: (a: string | null) => a ?? '—' },
    {
      title: t('tc.subjects'),
      dataIndex: 'subjects',
      key: 'subjects',
      render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
    },
    { title: t('tc.taught'), dataIndex: 'sessionsTaught', key: 'taught' },
    {
      title: t('tc.rating'),
      dataIndex: 'rating',
      key: 'rating',
      render: (r: number | null, x) =>
        r === null ? (
          '—'
        ) : (
          <Space size={4}>
            <Rate disabled allowHalf value={Math.round(r * 2) / 2} style={{ fontSize: 12 }} />
            {t('tc.ratingN', { rating: r.toFixed(1), n: x.ratings })}
          </Space>
        ),
    },
    { title: t('trw.area'), dataIndex: 'areaName', key: 'area', responsive: ['lg'] },
    {
      title: t('trw.status'),
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'tc.active' : 'tc.inactive')}</Tag>,
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            hideable: false,
            render: (_: unknown, r: Teacher) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {t('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
      {t('tc.new')}
    </Button>
  );
  return (
    <ListPage<Teacher, Filters>
      id="teachers"
      title={t('menu.teachers')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('tc.search') }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <Input
            aria-label={t('tc.subject')}
            placeholder={t('tc.subject')}
            allowClear
            style={{ width: 140 }}
            onChange={(e) => list.setFilter('subject', e.target.value || undefined)}
          />
          <Select
            aria-label={t('trw.status')}
            style={{ width: 100 }}
            value={list.filters.active}
            onChange={(v) => list.setFilter('active', v)}
            options={[
              { value: 'yes', label: t('tc.active') },
              { value: 'no', label: t('tc.inactive') },
              { value: 'all', label: t('tc.all') },
            ]}
          />
          <AreaPicker value={list.filters.area} onChange={(v) => list.setFilter('area', v as string | undefined)} />
        </>
      }
    >
      {editing && <TeacherForm teacher={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {viewing && <TeacherDrawer id={viewing} onClose={() => setViewing(null)} />}
    </ListPage>
  );
}

type Values = { name: string; areaCode: string; affiliation?: string; subjects: string[]; bio?: string; active?: boolean };

function TeacherForm({ teacher, onClose }: { teacher: Teacher | null; onClose: () => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const save = useSaveTeacher(teacher?.id ?? null);
  return (
    <FormDrawer
      title={t(teacher ? 'tc.edit' : 'tc.new')}
      form={form}
      schema={teacher ? teacherUpdateBody : teacherBody}
      toInput={(v) => (teacher ? { ...v, areaCode: undefined, version: teacher.version } : v)}
      save={save}
      onClose={onClose}
      initialValues={
        teacher
          ? { ...teacher, affiliation: teacher.affiliation ?? undefined, bio: teacher.bio ?? undefined }
          : { areaCode: actor.area.code, subjects: [] }
      }
    >
      <Form.Item name="name" label={t('tc.name')} required>
        <Input maxLength={40} />
      </Form.Item>
      {!teacher && (
        <Form.Item name="areaCode" label={t('trw.area')} required>
          <AreaPicker />
        </Form.Item>
      )}
      <Form.Item name="affiliation" label={t('tc.affiliation')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="subjects" label={t('tc.subjects')} extra={t('tc.subjectsHint')} required>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="bio" label={t('tc.bio')}>
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
      {teacher && (
        <Form.Item name="active" label={t('trw.status')}>
          <Select
            options={[
              { value: true, label: t('tc.active') },
              { value: false, label: t('tc.inactive') },
            ]}
          />
        </Form.Item>
      )}
    </FormDrawer>
  );
}

function TeacherDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useTeacher(id);
  const x = q.data;
  return (
    <Drawer open onClose={onClose} title={x?.name ?? ''} size="large" loading={q.isLoading}>
      {x && (
        <>
          <p>{x.affiliation}</p>
          <p>
            {x.subjects.map((s) => (
              <Tag key={s}>{s}</Tag>
            ))}
          </p>
          {x.bio && <p>{x.bio}</p>}
          <h3>{t('tc.sessions')}</h3>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={x.sessions}
            columns={[
              {
                title: t('menu.trainings'),
                dataIndex: 'trainingTitle',
                render: (s: string, r) => <Link to={`/trainings/${r.trainingId}`}>{s}</Link>,
              },
              { title: t('trw.sessionTitle'), dataIndex: 'title' },
              { title: t('trw.when'), dataIndex: 'startsAt', render: (d: string) => formatDate(d) },
              { title: t('trw.hours'), dataIndex: 'hours' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
