import { Col, DatePicker, Input, Row, Typography } from 'antd';
import type { AuditEntry } from '@wushe/core';
import { useAudit } from '../../api/audit.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';

type Filters = { actor?: string; action?: string; from?: string; to?: string };

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '4px 0 0',
          padding: 8,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          maxHeight: 320,
          overflow: 'auto',
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const list = useListState<Filters>({});
  const audit = useAudit(list.query);

  const columns: ListColumn<AuditEntry>[] = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', hideable: false, render: (s: string) => formatDateTime(s) },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actorName', render: (s: string | null) => s ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', responsive: ['md'] },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      hideable: false,
      render: (s: string) => <Typography.Text code>{s}</Typography.Text>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      responsive: ['md'],
      render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` : '—'),
    },
    { title: t('audit.area'), dataIndex: 'areaCode', key: 'areaCode', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
  ];

  return (
    <ListPage<AuditEntry, Filters>
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
          <Input.Search
            key={list.generation}
            aria-label={t('filter.action')}
            placeholder={`${t('audit.action')}, e.g. user.create`}
            allowClear
            onSearch={(v) => list.setFilter('action', v.trim() || undefined)}
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
        </>
      }
      table={{
        expandable: {
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Json title={t('audit.before')} value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <Json title={t('audit.after')} value={e.after} />
              </Col>
            </Row>
          ),
        },
      }}
    />
  );
}
