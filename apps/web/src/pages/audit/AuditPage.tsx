// The audit log as a station head reads it: who did what to whom, in words, with links to the
// record, a before/after table of each change, and filters by person, kind, record and date.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, DatePicker, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, inLang, type AuditChange, type AuditRecord } from '@wushe/core';
import { useAudit } from '../../api/audit.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';

type Filters = { actor?: string; action?: string; from?: string; to?: string; targetId?: string };

/** The before/after of one record, field by field, with labels. */
export function ChangesTable({ changes }: { changes: AuditChange[] }) {
  const { t } = useI18n();
  if (!changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<AuditChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      aria-label={t('audit.before')}
      columns={[
        { title: t('audit.field'), dataIndex: 'label', key: 'label', width: 160 },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          key: 'before',
          render: (v: string | null) => (v === null ? '—' : <Typography.Text delete={false}>{v}</Typography.Text>),
        },
        { title: t('audit.after'), dataIndex: 'after', key: 'after', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const list = useListState<Filters>({});
  const audit = useAudit(list.query);
  // The name of the record or person a filter was set from (the list shows ids otherwise).
  const [names, setNames] = useState<{ target?: string; actor?: string }>({});

  const byRecord = (e: AuditRecord) => {
    if (!e.targetId) return;
    setNames((n) => ({ ...n, target: e.target?.label ?? e.targetId ?? '' }));
    list.setFilter('targetId', e.targetId);
  };

  const columns: ListColumn<AuditRecord>[] = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', hideable: false, width: 170, render: (s: string) => formatDateTime(s) },
    {
      title: t('audit.text'),
      key: 'text',
      hideable: false,
      render: (_, e) => (
        <span>
          {/* The record's name becomes a link where the sentence names it (a sign-in names only the actor). */}
          {e.target?.link && e.target.label && e.text.includes(e.target.label) ? (
            <>
              {e.text.split(e.target.label)[0]}
              <Link to={e.target.link}>{e.target.label}</Link>
              {e.text.split(e.target.label).slice(1).join(e.target.label)}
            </>
          ) : (
            e.text
          )}
          {e.targetId && (
            <Tooltip title={t('audit.byRecord')}>
              <Button
                type="link"
                size="small"
                icon={<FilterOutlined aria-hidden />}
                aria-label={t('audit.byRecord')}
                onClick={() => byRecord(e)}
              />
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actorName ? (
          <Tooltip title={t('audit.byPerson')}>
            <Typography.Link
              onClick={() => {
                setNames((n) => ({ ...n, actor: e.actorLabel ?? e.actorName ?? '' }));
                list.setFilter('actor', e.actorName ?? undefined);
              }}
            >
              {e.actorLabel ?? e.actorName}
            </Typography.Link>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('audit.kind'), dataIndex: 'kind', key: 'kind', responsive: ['md'], render: (s: string) => <Tag>{s}</Tag> },
    { title: t('audit.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', responsive: ['xl'] },
  ];

  const actionOptions = [
    ...AUDIT_ACTION_GROUPS.map((g) => ({ value: g.prefix, label: `${inLang(lang, g.label)}（${t('all')}）` })),
    ...Object.entries(AUDIT_ACTIONS).map(([code, w]) => ({ value: code, label: inLang(lang, w.kind) })),
  ];

  return (
    <ListPage<AuditRecord, Filters>
      id="audit"
      title={t('menu.audit')}
      rowKey="seq"
      columns={columns}
      data={audit}
      list={list}
      search={{ placeholder: `${t('audit.actor')}（${t('username')}）`, field: 'actor', width: 200 }}
      exportTo={{ path: '/audit', filename: 'audit.xlsx' }}
      filters={
        <>
          <Select
            key={`kind-${list.generation}`}
            aria-label={t('audit.kind')}
            placeholder={t('audit.kind')}
            allowClear
            showSearch
            optionFilterProp="label"
            options={actionOptions}
            value={list.filters.action}
            onChange={(v?: string) => list.setFilter('action', v || undefined)}
            style={{ width: 220, maxWidth: '100%' }}
          />
          <DatePicker.RangePicker
            key={`range-${list.generation}`}
            aria-label={t('audit.range')}
            onChange={(range) => {
              list.setFilter('from', range?.[0]?.format('YYYY-MM-DD'));
              list.setFilter('to', range?.[1]?.format('YYYY-MM-DD'));
            }}
          />
          {list.filters.targetId && (
            <Tag closable onClose={() => list.setFilter('targetId', undefined)} style={{ alignSelf: 'center' }}>
              {t('audit.recordFilter', { name: names.target ?? list.filters.targetId })}
            </Tag>
          )}
          {list.filters.actor && names.actor && (
            <Tag closable onClose={() => list.setFilter('actor', undefined)} style={{ alignSelf: 'center' }}>
              {t('audit.personFilter', { name: names.actor })}
            </Tag>
          )}
        </>
      }
      table={{
        expandable: {
          rowExpandable: (e) => e.changes.length > 0,
          expandedRowRender: (e) => <ChangesTable changes={e.changes} />,
        },
      }}
    />
  );
}
