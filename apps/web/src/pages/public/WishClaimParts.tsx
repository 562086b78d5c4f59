// A public account's side of a wish: claiming it (for oneself, or for one's merchant, company or
// team), and one's claims with what can be done with them: record the delivery (a note and up to
// three photos) or give the claim up while it is active. Used on the wish's page and on /p/my.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Form, Input, List, Select, Space, Typography } from 'antd';
import { CLAIMANT_KIND_LABELS, CLAIMANT_KINDS, publicClaimBody, publicDeliveryBody } from '@wushe/core';
import { readBase64 } from '../../api/files.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import type { PublicAccountMe } from '../../api/publicAccount.ts';
import { useClaimWish, useDeliverClaim, useMyWishClaims, useWithdrawClaim, type MyWishClaim, type PhotoUpload } from '../../api/wishes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ClaimStatusTag } from '../wishes/tags.tsx';
import { MUTED } from './PublicShell.tsx';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO = 5 * 1024 * 1024;
const PAGE = 5;

export function ClaimForm({ wishId, me }: { wishId: string; me: PublicAccountMe }) {
  const { t, label, lang } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useProblem();
  const claim = useClaimWish(wishId);
  const [form] = Form.useForm<{ kind: string; orgName?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const submit = (v: { kind: string; orgName?: string }) => {
    const body = validateWith(publicClaimBody, { kind: v.kind, orgName: v.orgName?.trim() || null }, form, lang);
    if (!body) return;
    modal.confirm({
      title: t('pub.wish.claimConfirm'),
      okText: t('pub.wish.claim'),
      cancelText: t('cancel'),
      onOk: () =>
        claim.mutateAsync({ ...body, csrf: me.csrfToken }).then(
          () => void message.success(t('pub.wish.claimed')),
          (e: Error) => showProblem(e, form),
        ),
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: 'person' }}>
      <Typography.Paragraph>{t('pub.wish.as', { name: me.name, mobile: me.mobileMasked })}</Typography.Paragraph>
      <Form.Item name="kind" label={t('pub.wish.claimAs')}>
        <Select size="large" options={CLAIMANT_KINDS.map((k) => ({ value: k, label: label(CLAIMANT_KIND_LABELS[k]) }))} />
      </Form.Item>
      {kind !== 'person' && (
        <Form.Item name="orgName" label={t('pub.wish.orgName')}>
          <Input size="large" maxLength={60} />
        </Form.Item>
      )}
      <Button type="primary" size="large" block htmlType="submit" loading={claim.isPending}>
        {t('pub.wish.claim')}
      </Button>
    </Form>
  );
}

function DeliverForm({ claim, csrf, onDone }: { claim: MyWishClaim; csrf: string; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const deliver = useDeliverClaim();
  const [form] = Form.useForm<{ note?: string }>();
  const [photos, setPhotos] = useState<PhotoUpload[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const inputId = `delivery-photos-${claim.id}`;
  const pick = async (list: FileList | null) => {
    const picked = [...(list ?? [])];
    setPhotos([]);
    if (picked.length > 3) return setPhotoError(t('pub.wish.photosTooMany'));
    if (picked.some((f) => !PHOTO_TYPES.includes(f.type))) return setPhotoError(t('pub.wish.photoType'));
    if (picked.some((f) => f.size > MAX_PHOTO)) return setPhotoError(t('contact.photoTooBig'));
    setPhotoError(null);
    setPhotos(await Promise.all(picked.map(async (f) => ({ filename: f.name, contentType: f.type, data: await readBase64(f) }))));
  };
  const submit = (v: { note?: string }) => {
    const body = validateWith(publicDeliveryBody, { note: v.note ?? '', photos }, form, lang);
    if (!body) return;
    deliver.mutate(
      { id: claim.id, note: body.note, photos: body.photos, csrf },
      {
        onSuccess: () => {
          message.success(t('pub.wish.deliveredSent'));
          onDone();
        },
        onError: (e) => showProblem(e, form),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name={`deliver-${claim.id}`} style={{ width: '100%' }}>
      <Form.Item name="note" label={t('pub.wish.deliveryNote')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item
        label={t('pub.wish.deliveryPhotos')}
        htmlFor={inputId}
        validateStatus={photoError ? 'error' : undefined}
        help={photoError ?? undefined}
      >
        <input
          id={inputId}
          type="file"
          multiple
          accept={PHOTO_TYPES.join(',')}
          onChange={(e) => void pick(e.target.files)}
          style={{ fontSize: 16, maxWidth: '100%' }}
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" size="large" htmlType="submit" loading={deliver.isPending}>
          {t('pub.wish.sendDelivery')}
        </Button>
        <Button size="large" onClick={onDone}>
          {t('cancel')}
        </Button>
      </Space>
    </Form>
  );
}

/** One claim: the wish, its state and due day or the thanks, and its actions while active. */
export function MyClaim({ claim, me }: { claim: MyWishClaim; me: PublicAccountMe }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const withdraw = useWithdrawClaim();
  const [delivering, setDelivering] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`wish-claim-${claim.wishId}`}>
      <Space wrap>
        <Link to={`/p/wishes/${claim.wishId}`} style={{ fontWeight: 600 }}>
          {claim.title}
        </Link>
        <ClaimStatusTag status={claim.status} />
      </Space>
      <span style={{ color: MUTED }}>{claim.label}</span>
      {claim.status === 'active' && <span>{t('pub.wish.dueBy', { date: claim.dueOn })}</span>}
      {claim.status === 'delivered' && <span>{t('pub.wish.awaitingConfirm')}</span>}
      {claim.thanks && <Alert type="success" showIcon title={t('pub.wish.thanks', { thanks: claim.thanks })} />}
      {claim.status === 'active' &&
        (delivering ? (
          <DeliverForm claim={claim} csrf={me.csrfToken} onDone={() => setDelivering(false)} />
        ) : (
          <Space wrap>
            <Button type="primary" size="large" onClick={() => setDelivering(true)}>
              {t('pub.wish.recordDelivery')}
            </Button>
            <Button
              size="large"
              loading={withdraw.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('pub.wish.withdrawConfirm'),
                  okText: t('pub.wish.withdraw'),
                  okButtonProps: { danger: true },
                  cancelText: t('cancel'),
                  onOk: () => withdraw.mutateAsync({ id: claim.id, csrf: me.csrfToken }).catch((e: Error) => showProblem(e)),
                })
              }
            >
              {t('pub.wish.withdraw')}
            </Button>
          </Space>
        ))}
    </Space>
  );
}

/** The account's claims, newest first (the wishes section of /p/my). */
export function MyWishClaims({ me }: { me: PublicAccountMe }) {
  const { t } = useI18n();
  const claims = useMyWishClaims(true);
  const items = claims.data ?? [];
  if (!claims.isPending && !items.length) return <Typography.Text style={{ color: MUTED }}>{t('pa.empty.wishes')}</Typography.Text>;
  return (
    <List
      loading={claims.isPending}
      dataSource={items}
      // A steady donor gathers many claims: a few at a time, the newest first.
      pagination={items.length > PAGE ? { pageSize: PAGE, simple: true, align: 'center' } : false}
      renderItem={(c) => (
        <List.Item>
          <MyClaim claim={c} me={me} />
        </List.Item>
      )}
    />
  );
}
