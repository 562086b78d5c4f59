// /p/policies: the published reward and subsidy policies (phone first, no login to read):
// rules, amounts and the period; a signed-in public account applies to an open one, and
// follows it under "my applications" on /p/my.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { POLICY_KIND_LABELS } from '@wushe/core';
import { readBase64 } from '../../api/files.ts';
import { useProblem } from '../../api/forms.ts';
import { usePublicMe } from '../../api/publicAccount.ts';
import { usePublicApply, usePublicPolicies, type PublicPolicy } from '../../api/subsidies.ts';
import { useI18n } from '../../i18n/index.tsx';
import { amountWords, RulesList } from '../subsidies/parts.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

export function PublicPoliciesPage() {
  const { t } = useI18n();
  const policies = usePublicPolicies();
  return (
    <PublicShell title={t('sb.pub.title')}>
      <List
        loading={policies.isPending}
        dataSource={policies.data ?? []}
        locale={{ emptyText: t('sb.pub.empty') }}
        renderItem={(p) => (
          <List.Item style={{ display: 'block' }}>
            <PolicyCard p={p} />
          </List.Item>
        )}
      />
    </PublicShell>
  );
}

const PROOF_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_PROOF = 5 * 1024 * 1024;
type Proof = { filename: string; contentType: string; data: string };

function PolicyCard({ p }: { p: PublicPolicy }) {
  const { t, label } = useI18n();
  const me = usePublicMe().data;
  const apply = usePublicApply();
  const showProblem = useProblem();
  const [form] = Form.useForm<{ statement?: string; orgName?: string; arrivedOn?: string }>();
  const [done, setDone] = useState(false);
  const [files, setFiles] = useState<Proof[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const pick = async (list: FileList | null) => {
    const picked = [...(list ?? [])];
    setFiles([]);
    if (picked.length > 3) return setFileError(t('sb.pub.fileTooMany'));
    if (picked.some((f) => !(PROOF_TYPES as readonly string[]).includes(f.type))) return setFileError(t('sb.pub.fileType'));
    if (picked.some((f) => f.size > MAX_PROOF)) return setFileError(t('sb.pub.fileTooBig'));
    setFileError(null);
    setFiles(await Promise.all(picked.map(async (f) => ({ filename: f.name, contentType: f.type, data: await readBase64(f) }))));
  };
  const amount = amountWords(p.amount, label, t('sb.fixed'));
  return (
    <Card title={p.title} extra={<Tag color={p.open ? 'green' : 'default'}>{t(p.open ? 'sb.pub.open' : 'sb.pub.notOpen')}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text
          style={{ color: MUTED }}
        >{`${label(POLICY_KIND_LABELS[p.kind])} · ${p.areaName} · ${p.opensOn} ~ ${p.closesOn}`}</Typography.Text>
        {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
        <div>
          <Typography.Text strong>{`${t('sb.rules')}：`}</Typography.Text>
          <RulesList rules={p.rules} />
        </div>
        <Typography.Text>{`${t('sb.amountRuleYuan')}：${amount}`}</Typography.Text>
        {p.open &&
          (done ? (
            <Alert type="success" showIcon message={t('sb.applied')} action={<Link to="/p/my">{t('pa.my.title')}</Link>} />
          ) : me ? (
            <Form
              form={form}
              name={`apply-${p.id}`} // each card's fields get ids of their own, so each label finds its field
              layout="vertical"
              onFinish={(v) =>
                apply.mutate(
                  { policyId: p.id, csrf: me.csrfToken, ...v, files },
                  { onSuccess: () => setDone(true), onError: (e) => showProblem(e, form) },
                )
              }
            >
              <Form.Item name="orgName" label={t('sb.org')}>
                <Input autoComplete="organization" />
              </Form.Item>
              <Form.Item name="statement" label={t('sb.statement')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              {p.rules.arrivedWithinMonths != null && (
                <Form.Item name="arrivedOn" label={t('sb.arrivedOn')} htmlFor={`arrived-${p.id}`}>
                  <Input id={`arrived-${p.id}`} type="date" size="large" />
                </Form.Item>
              )}
              <Form.Item
                label={t('sb.pub.files')}
                htmlFor={`proof-${p.id}`}
                validateStatus={fileError ? 'error' : undefined}
                help={fileError ?? undefined}
              >
                <input
                  id={`proof-${p.id}`}
                  type="file"
                  multiple
                  accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
                  onChange={(e) => void pick(e.target.files)}
                  style={{ fontSize: 16, maxWidth: '100%' }}
                />
                {files.map((f) => (
                  <Typography.Text key={f.filename} style={{ color: MUTED, display: 'block' }}>
                    {f.filename}
                  </Typography.Text>
                ))}
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={apply.isPending}>
                {t('sb.apply')}
              </Button>
            </Form>
          ) : (
            <Link to="/p/login">
              <Button size="large" block>
                {t('sb.pub.login')}
              </Button>
            </Link>
          ))}
      </Space>
    </Card>
  );
}
