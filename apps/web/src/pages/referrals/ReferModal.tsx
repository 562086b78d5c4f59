// 转介 dialog: to an organisation in Wushe (searched by name, shown with its kind and area) or
// outside it (by name), with the reason and the service asked for. The same core schema as the
// server checks the input first.
import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { ORG_KIND_LABELS, referralCreate, type OrgKind } from '@wushe/core';
import type { CaseDetail } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useReferCase, useReferralTargets } from '../../api/referrals.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  where: 'internal' | 'external';
  toOrgId?: string;
  externalName?: string;
  reason?: string;
  service?: string;
}

export function ReferModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const refer = useReferCase(c.id);
  const [form] = Form.useForm<Values>();
  const where = Form.useWatch('where', form) ?? 'internal';
  const [q, setQ] = useState('');
  const targets = useReferralTargets(q, where === 'internal');
  const kindLabel = (k: string) => (k in ORG_KIND_LABELS ? label(ORG_KIND_LABELS[k as OrgKind]) : k);

  const submit = (v: Values) => {
    const internal = v.where === 'internal';
    const body = validateWith(
      referralCreate,
      {
        toOrgId: internal ? v.toOrgId : undefined,
        externalName: internal ? undefined : v.externalName || undefined,
        reason: v.reason ?? '',
        service: v.service || undefined,
      },
      form,
      lang,
    );
    if (!body) return;
    refer.mutate(body, {
      onSuccess: () => {
        message.success(t('rf.referred'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={t('rf.referTitle', { no: c.caseNo })}
      okText={t('rf.refer')}
      cancelText={t('cancel')}
      confirmLoading={refer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rf.referHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ where: 'internal' }}>
        <Form.Item label={t('rf.target')} name="where">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'internal', label: t('rf.internal') },
              { value: 'external', label: t('rf.external') },
            ]}
          />
        </Form.Item>
        {where === 'internal' ? (
          <Form.Item label={t('rf.toOrg')} name="toOrgId" rules={[{ required: true, message: t('field.required') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('rf.toOrgPlaceholder')}
              loading={targets.isFetching}
              notFoundContent={null}
              optionLabelProp="label"
              options={(targets.data?.items ?? []).map((o) => ({
                value: o.id,
                label: o.name,
                title: o.name,
                desc: `${kindLabel(o.kind)} · ${o.areaName}`,
              }))}
              optionRender={(o) => (
                <Space orientation="vertical" size={0}>
                  <span style={{ whiteSpace: 'normal' }}>{o.data.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.data.desc}
                  </Typography.Text>
                </Space>
              )}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('rf.externalName')} name="externalName" rules={[{ required: true, message: t('field.required') }]}>
            <Input maxLength={80} />
          </Form.Item>
        )}
        <Form.Item label={t('rf.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('rf.service')} name="service">
          <Input maxLength={200} placeholder={t('rf.servicePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
