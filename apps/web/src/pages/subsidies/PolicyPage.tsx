// One reward or subsidy policy: its rules and amounts, the budget bar (approved, paid,
// remaining), applications by stage with each one's auto-check, publishing and closing
// (asked first), applying, and the way to the payment list.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import {
  POLICY_KIND_LABELS,
  POLICY_NEXT,
  POLICY_STATUS_LABELS,
  SUBSIDY_STAGE_LABELS,
  SUBSIDY_STAGES,
  shanghaiToday,
  type SubsidyStage,
} from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { usePolicy, usePolicyStatus, useSubsidyApps, type SubsidyApplication } from '../../api/subsidies.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ApplyDrawer } from './ApplyDrawer.tsx';
import { amountWords, CheckTags, MoveButtons, RulesList, StageTag, yuan } from './parts.tsx';

export function PolicyPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const actor = useActor();
  const can = (p: string) => actor.permissions.includes(p as never);
  const reviewer = can('subsidy.review.org') || can('subsidy.review.dept') || can('policy.manage');
  const p = usePolicy(id).data;
  const [stage, setStage] = useState<SubsidyStage | 'all'>('all');
  const [page, setPage] = useState(1);
  const apps = useSubsidyApps({ policyId: id, stage: stage === 'all' ? undefined : stage, page, pageSize: 20 }, reviewer);
  const setStatus = usePolicyStatus(id);
  const [applying, setApplying] = useState<null | 'self' | 'worker'>(null);
  if (!p) return null;
  const next = POLICY_NEXT[p.status];
  const today = shanghaiToday(new Date());
  const open = p.status === 'published' && p.opensOn <= today && today <= p.closesOn;
  const used = (n: number) => Math.round((n / p.totals.budget) * 100);
  const advance = () =>
    next &&
    modal.confirm({
      title: t(next === 'published' ? 'sb.publishConfirm' : 'sb.closeConfirm'),
      onOk: () => setStatus.mutateAsync({ status: next, version: p.version }).catch((e) => showProblem(e)),
    });
  const amount = amountWords(p.amount, label, t('sb.fixed'));
  const columns = [
    { title: t('sb.name'), dataIndex: 'name', key: 'name', width: 96 },
    { title: t('sb.org'), dataIndex: 'orgName', key: 'org', responsive: ['md' as const], render: (s: string | null) => s ?? '—' },
    { title: t('sb.check'), dataIndex: 'checks', key: 'checks', render: (c: SubsidyApplication['checks']) => <CheckTags checks={c} /> },
    { title: t('sb.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right' as const, render: (n: number | null) => yuan(n) },
    {
      title: t('sb.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (s: SubsidyStage, a: SubsidyApplication) => (
        <Space direction="vertical" size={0}>
          <StageTag stage={s} />
          {a.reason && <Typography.Text type="secondary">{a.reason}</Typography.Text>}
        </Space>
      ),
    },
    { title: '', key: 'act', render: (_: unknown, a: SubsidyApplication) => <MoveButtons a={a} /> },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{p.title}</Typography.Title>
      <Space wrap>
        <Tag color={p.status === 'published' ? 'green' : 'default'}>{label(POLICY_STATUS_LABELS[p.status])}</Tag>
        {next && can('policy.manage') && (
          <Button type="primary" onClick={advance}>
            {t(next === 'published' ? 'sb.publish' : 'sb.close')}
          </Button>
        )}
        {open && <Button onClick={() => setApplying('self')}>{t('sb.apply')}</Button>}
        {open && can('subsidy.review.org') && <Button onClick={() => setApplying('worker')}>{t('sb.applyFor')}</Button>}
        {can('policy.manage') && p.status !== 'draft' && <Link to={`/policies/${p.id}/payments`}>{t('sb.payments')}</Link>}
      </Space>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('sb.kind')}>{label(POLICY_KIND_LABELS[p.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('sb.area')}>{p.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('sb.period')}>{`${p.opensOn} ~ ${p.closesOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('sb.amountRuleYuan')}>{amount}</Descriptions.Item>
          <Descriptions.Item label={t('sb.rules')} span={2}>
            <RulesList rules={p.rules} />
          </Descriptions.Item>
          {p.description && (
            <Descriptions.Item label={t('sb.description')} span={2}>
              {p.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('sb.totals')}>
        <Progress
          percent={used(p.totals.approved + p.totals.paid)}
          success={{ percent: used(p.totals.paid) }}
          aria-label={t('sb.totals')}
        />
        <Space wrap size="large">
          <span>{`${t('sb.budget')}：${yuan(p.totals.budget)}`}</span>
          <span>{`${t('sb.paid')}：${yuan(p.totals.paid)}`}</span>
          <span>{`${t('sb.approved')}：${yuan(p.totals.approved)}`}</span>
          <strong>{`${t('sb.remaining')}：${yuan(p.totals.remaining)}`}</strong>
        </Space>
      </Card>
      {reviewer && (
        <Card title={t('sb.byStage')}>
          <div style={{ overflowX: 'auto', marginBottom: 12 }}>
            <Segmented
              value={stage}
              onChange={(v) => {
                setStage(v as SubsidyStage | 'all');
                setPage(1);
              }}
              options={[
                { value: 'all', label: `${t('sb.applications')} ${Object.values(p.counts).reduce((s, n) => s + n, 0)}` },
                ...SUBSIDY_STAGES.map((s) => ({ value: s, label: `${label(SUBSIDY_STAGE_LABELS[s])} ${p.counts[s] ?? 0}` })),
              ]}
            />
          </div>
          <Table<SubsidyApplication>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={apps.data?.items ?? []}
            loading={apps.isFetching}
            scroll={{ x: 900 }}
            pagination={{ current: page, pageSize: 20, total: apps.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          />
        </Card>
      )}
      {applying && <ApplyDrawer policyId={p.id} forWorker={applying === 'worker'} onClose={() => setApplying(null)} />}
    </Space>
  );
}
