import { Card, Col, DatePicker, Flex, Input, Row, Table, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry } from '@wushe/core';
import { useAudit } from '../../api/audit.ts';
import { useListState } from '../../api/useListState.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
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

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: (s: string) => formatDateTime(s) },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (s: string | null) => s ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['md'] },
    { title: t('audit.action'), dataIndex: 'action', render: (s: string) => <Typography.Text code>{s}</Typography.Text> },
    {
      title: t('audit.target'),
      key: 'target',
      responsive: ['md'],
      render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` : '—'),
    },
    { title: t('audit.area'), dataIndex: 'areaCode', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
  ];

  return (
    <Card title={t('menu.audit')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('filter.actor')}
          placeholder={`${t('audit.actor')}（${t('username')}）`}
          allowClear
          onSearch={(v) => list.setFilter('actor', v.trim() || undefined)}
          style={{ width: 200 }}
        />
        <Input.Search
          aria-label={t('filter.action')}
          placeholder={`${t('audit.action')}, e.g. user.create`}
          allowClear
          onSearch={(v) => list.setFilter('action', v.trim() || undefined)}
          style={{ width: 220 }}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.range')}
          onChange={(range) => {
            list.setFilter('from', range?.[0]?.format('YYYY-MM-DD'));
            list.setFilter('to', range?.[1]?.format('YYYY-MM-DD'));
          }}
        />
        <div style={{ marginLeft: 'auto' }}>
          <ExportButton path="/audit" query={list.query} filename="audit.xlsx" />
        </div>
      </Flex>
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={audit.data?.items}
        loading={audit.isFetching}
        pagination={list.pagination(audit.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        expandable={{
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
        }}
      />
    </Card>
  );
}
