// 代码表: labels, order and active flag of each entry; new entries get a code that never changes.
import { useEffect, useState } from 'react';
import { App, Button, Flex, Input, InputNumber, Segmented, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CODE_LISTS, codeListEntry } from '@wushe/core';
import { type CodeListEntry, type CodeListName, useCodeList, useSaveCodeList } from '../../api/settings.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

const LISTS: CodeListName[] = [...CODE_LISTS];
type Row = CodeListEntry & { isNew?: boolean };

export function CodeListEditor() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [list, setList] = useState<CodeListName>('resident_category');
  const q = useCodeList(list);
  const saveList = useSaveCodeList(list);
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (q.data) setRows([...q.data.items].sort((a, b) => a.sort - b.sort));
  }, [q.data]);

  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const save = async () => {
    const items = rows.map(({ isNew: _n, ...r }) => r);
    const bad = items.findIndex((r) => !codeListEntry.safeParse(r).success || !/^[a-z][a-z0-9_]*$/.test(r.code));
    if (bad >= 0) return void message.error(`${t('code')} ${items[bad]?.code || bad + 1}: ${t('field.required')}`);
    if (new Set(items.map((r) => r.code)).size !== items.length) return void message.error(t('code'));
    setSaving(true);
    try {
      await saveList.mutateAsync(items);
      message.success(t('saved'));
    } catch (e) {
      showProblem(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Segmented<CodeListName> value={list} onChange={setList} options={LISTS.map((l) => ({ value: l, label: t(`set.list.${l}`) }))} />
      </Flex>
      <Table<Row>
        rowKey={(r) => r.code || `new-${rows.indexOf(r)}`}
        size="small"
        loading={q.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('code'),
            dataIndex: 'code',
            render: (v: string, r, i) =>
              r.isNew ? (
                <Input
                  aria-label={t('code')}
                  value={v}
                  placeholder="a_z_0_9"
                  onChange={(e) => patch(i, { code: e.target.value.trim() })}
                  style={{ width: 140 }}
                />
              ) : (
                <code>{v}</code>
              ),
          },
          {
            title: t('set.labelZh'),
            dataIndex: 'labelZh',
            render: (v: string, _r, i) => (
              <Input aria-label={t('set.labelZh')} value={v} maxLength={40} onChange={(e) => patch(i, { labelZh: e.target.value })} />
            ),
          },
          {
            title: t('set.labelEn'),
            dataIndex: 'labelEn',
            render: (v: string, _r, i) => (
              <Input aria-label={t('set.labelEn')} value={v} maxLength={60} onChange={(e) => patch(i, { labelEn: e.target.value })} />
            ),
          },
          {
            title: t('set.sort'),
            dataIndex: 'sort',
            render: (v: number, _r, i) => (
              <InputNumber
                aria-label={t('set.sort')}
                value={v}
                onChange={(n) => patch(i, { sort: Number(n ?? 0) })}
                style={{ width: 80 }}
              />
            ),
          },
          {
            title: t('set.active'),
            dataIndex: 'active',
            render: (v: boolean, _r, i) => <Switch aria-label={t('set.active')} checked={v} onChange={(c) => patch(i, { active: c })} />,
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() =>
            setRows((rs) => [...rs, { code: '', labelZh: '', labelEn: '', sort: (rs.at(-1)?.sort ?? 0) + 10, active: true, isNew: true }])
          }
        >
          {t('set.addEntry')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('save')}
        </Button>
      </Flex>
    </>
  );
}
