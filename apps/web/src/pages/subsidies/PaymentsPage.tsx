// The payment list of a policy for the finance office: approved amounts to pay and those paid
// by batch, totals against the budget, marking a selection paid in a new batch (asked first),
// and the Excel export.
import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { CERT_KIND_LABELS } from '@wushe/core';
import { downloadExport } from '../../api/exports.ts';
import { useProblem } from '../../api/forms.ts';
import { usePayBatch, usePaymentList, type PaymentList } from '../../api/subsidies.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StageTag, yuan } from './parts.tsx';

type Item = PaymentList['items'][number];

export function PaymentsPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const list = usePaymentList(id).data;
  const pay = usePayBatch(id);
  const [keys, setKeys] = useState<string[]>([]);
  if (!list) return null;
  const chosen = list.items.filter((i) => keys.includes(i.applicationId));
  const total = chosen.reduce((s, i) => s + i.amountFen, 0);
  const confirm = () =>
    modal.confirm({
      title: t('sb.payConfirm', { n: chosen.length, amount: yuan(total) }),
      onOk: () =>
        pay
          .mutateAsync({ applicationIds: keys })
          .then(() => {
            setKeys([]);
            message.success(t('sb.paid'));
          })
          .catch((e) => showProblem(e)),
    });
  const columns = [
    { title: t('sb.name'), dataIndex: 'name', key: 'name', width: 96 },
    { title: t('sb.org'), dataIndex: 'orgName', key: 'org', render: (s: string | null) => s ?? '—' },
    {
      title: t('sb.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: string | null) => (l ? label(CERT_KIND_LABELS[l as 'assistant']) : '—'),
    },
    { title: t('sb.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right' as const, render: (n: number) => yuan(n) },
    { title: t('sb.stage'), dataIndex: 'stage', key: 'stage', render: (s: Item['stage']) => <StageTag stage={s} /> },
    { title: t('sb.batch'), dataIndex: 'batchNo', key: 'batch', render: (n: number | null) => (n ? t('sb.batchNo', { no: n }) : '—') },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{`${t('sb.payments')}：${list.title}`}</Typography.Title>
      <Card>
        <Space wrap size="large">
          <span>{`${t('sb.budget')}：${yuan(list.totals.budget)}`}</span>
          <span>{`${t('sb.approved')}：${yuan(list.totals.approved)}`}</span>
          <span>{`${t('sb.paid')}：${yuan(list.totals.paid)}`}</span>
          <strong>{`${t('sb.remaining')}：${yuan(list.totals.remaining)}`}</strong>
        </Space>
      </Card>
      <Space wrap>
        <Button type="primary" disabled={!keys.length} onClick={confirm}>
          {`${t('sb.payBatch')}${keys.length ? `（${keys.length}）` : ''}`}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => void downloadExport(`/policies/${id}/payments`, {}, '奖补发放名单.xlsx')}
        >
          Excel
        </Button>
      </Space>
      <Table<Item>
        rowKey="applicationId"
        size="small"
        columns={columns}
        dataSource={list.items}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowSelection={{
          selectedRowKeys: keys,
          onChange: (k) => setKeys(k.map(String)),
          getCheckboxProps: (i) => ({ disabled: i.stage !== 'approved', 'aria-label': i.name }),
        }}
      />
      <Card title={t('sb.batches')}>
        {list.batches.length === 0 && <Typography.Text type="secondary">{t('sb.none')}</Typography.Text>}
        <Space direction="vertical">
          {list.batches.map((b) => (
            <span key={b.id}>
              <Tag>{t('sb.batchNo', { no: b.no })}</Tag>
              {t('sb.batchLine', { n: b.count, amount: yuan(b.totalFen), by: b.createdByName ?? '', at: formatDateTime(b.createdAt) })}
              {b.note ? ` · ${b.note}` : ''}
            </span>
          ))}
        </Space>
      </Card>
    </Space>
  );
}
