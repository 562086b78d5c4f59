// A wish's claims: who claimed (a public account or someone the station entered), the due day,
// the delivery note and photos; releasing a stalled claim after its due day (wish.review, with a
// reason); and the dialogs to claim on someone's behalf and to record the delivery.
import { useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Image, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { CLAIMANT_KIND_LABELS, CLAIMANT_KINDS, releaseClaimBody, staffClaimBody, staffDeliveryBody } from '@wushe/core';
import { API_BASE } from '../../api/client.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useClaimForSomeone, useRecordDelivery, useReleaseClaim, type Wish, type WishClaim } from '../../api/wishes.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PhotoField } from './PhotoField.tsx';
import { ClaimStatusTag, useWishRights } from './tags.tsx';

export function Photos({ ids, alt }: { ids: string[]; alt: string }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id, i) => (
          <Image
            key={id}
            width={80}
            height={80}
            style={{ objectFit: 'cover' }}
            src={`${API_BASE}/attachments/${id}`}
            alt={`${alt} ${i + 1}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** A dialog with one form: OK submits it; a refusal stays open with the fields marked. */
function FormModal({ title, ok, busy, onClose, children, form }: FormModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={ok}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
type FormModalProps = {
  title: string;
  ok: string;
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
  form: ReturnType<typeof Form.useForm>[0];
};

export function ClaimModal({ w, onClose }: { w: Wish; onClose: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const claim = useClaimForSomeone(w.id);
  const [form] = Form.useForm();
  const submit = (v: { kind?: string; name?: string; mobile?: string }) => {
    const body = validateWith(staffClaimBody, { kind: v.kind, name: v.name ?? '', mobile: v.mobile ?? '', version: w.version }, form, lang);
    if (!body) return;
    claim.mutate(body, {
      onSuccess: () => {
        message.success(t('wi.claimed'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };
  return (
    <FormModal title={t('wi.claimFor')} ok={t('wi.claimFor')} busy={claim.isPending} onClose={onClose} form={form}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'person' }}>
        <Form.Item name="kind" label={t('wi.claimantKind')}>
          <Select options={CLAIMANT_KINDS.map((k) => ({ value: k, label: label(CLAIMANT_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('wi.claimantName')} required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="mobile" label={t('wi.claimantMobile')} required>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function DeliveryModal({ w, onClose }: { w: Wish; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const deliver = useRecordDelivery(w.id);
  const [form] = Form.useForm();
  const submit = (v: { note?: string; photoIds?: string[] }) => {
    const body = validateWith(staffDeliveryBody, { note: v.note ?? '', photoIds: v.photoIds ?? [], version: w.version }, form, lang);
    if (!body) return;
    deliver.mutate(body, {
      onSuccess: () => {
        message.success(t('wi.delivered'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };
  return (
    <FormModal title={t('wi.recordDelivery')} ok={t('save')} busy={deliver.isPending} onClose={onClose} form={form}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ photoIds: [] }}>
        <Form.Item name="note" label={t('wi.deliveryNote')} required>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="photoIds" label={t('wi.deliveryPhotos')}>
          <PhotoField max={6} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ReleaseModal({ w, c, onClose }: { w: Wish; c: WishClaim; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const release = useReleaseClaim(w.id);
  const [form] = Form.useForm();
  const submit = (v: { reason?: string }) => {
    const body = validateWith(releaseClaimBody, { reason: v.reason ?? '' }, form, lang);
    if (!body) return;
    release.mutate(
      { claimId: c.id, ...body },
      {
        onSuccess: () => {
          message.success(t('wi.released'));
          onClose();
        },
        onError: (e) => showProblem(e, form),
      },
    );
  };
  return (
    <FormModal title={t('wi.releaseTitle', { name: c.name })} ok={t('wi.release')} busy={release.isPending} onClose={onClose} form={form}>
      <Typography.Paragraph type="danger">{t('wi.releaseHint', { due: c.dueOn })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('wi.releaseReason')} required>
          <Input.TextArea rows={3} maxLength={300} showCount autoFocus />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ClaimsCard({ w }: { w: Wish }) {
  const { t, label } = useI18n();
  const { canReview } = useWishRights();
  const [releasing, setReleasing] = useState<WishClaim | null>(null);
  const columns = [
    {
      title: t('wi.claimantName'),
      key: 'name',
      render: (_: unknown, c: WishClaim) => (
        <Space orientation="vertical" size={0}>
          <span>{c.name}</span>
          <Typography.Text type="secondary">
            {label(CLAIMANT_KIND_LABELS[c.kind])}
            {c.byAccount ? ` · ${t('wi.byAccount')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('wi.claimantMobile'), dataIndex: 'mobileMasked', key: 'mobile', render: (m: string | null) => m ?? '—' },
    { title: t('wi.claimedAt'), dataIndex: 'claimedAt', key: 'claimedAt', render: (s: string) => formatDateTime(s).slice(0, 16) },
    {
      title: t('wi.dueOn'),
      key: 'dueOn',
      render: (_: unknown, c: WishClaim) => (
        <Space size={4}>
          {c.dueOn}
          {c.overdue && <Tag color="red">{t('wi.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('wi.status'),
      key: 'status',
      render: (_: unknown, c: WishClaim) => (
        <Space orientation="vertical" size={4}>
          <ClaimStatusTag status={c.status} />
          {c.endReason && <Typography.Text type="secondary">{c.endReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('wi.delivery'),
      key: 'delivery',
      render: (_: unknown, c: WishClaim) =>
        c.deliveredAt ? (
          <Space orientation="vertical" size={4}>
            <Typography.Text>{c.deliveryNote}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(c.deliveredAt).slice(0, 16)}</Typography.Text>
            <Photos ids={c.deliveryPhotoIds} alt={t('wi.deliveryPhotos')} />
          </Space>
        ) : (
          '—'
        ),
    },
    ...(canReview
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, c: WishClaim) =>
              c.status === 'active' && c.overdue ? (
                <Button size="small" danger onClick={() => setReleasing(c)}>
                  {t('wi.release')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card title={t('wi.claims')}>
      <Table<WishClaim>
        rowKey="id"
        size="small"
        dataSource={w.claims}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wi.noClaims') }}
      />
      {releasing && <ReleaseModal w={w} c={releasing} onClose={() => setReleasing(null)} />}
    </Card>
  );
}
