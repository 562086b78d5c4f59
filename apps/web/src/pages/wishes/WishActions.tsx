// The moves a wish allows now, for the permissions held (core wishMove and REVIEW_ACTIONS): edit
// and submit a draft, publish or return it (a reason), cancel it (a reason; it cannot be undone),
// claim it for someone, record the delivery, confirm fulfilment with the resident (recorded).
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import {
  REASON_ACTIONS,
  REVIEW_ACTIONS,
  WISH_ACTION_LABELS,
  WISH_ACTIONS,
  wishEditable,
  wishMove,
  wishTransitionBody,
  type WishAction,
} from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useWishTransition, type Wish } from '../../api/wishes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useWishRights } from './tags.tsx';
import { ClaimModal, DeliveryModal } from './WishClaims.tsx';

/** Actions asked in a dialog with a note: required for return and cancel, optional otherwise. */
type NoteAction = Exclude<WishAction, 'submit'>;
const HINT: Record<NoteAction, 'wi.publishHint' | 'wi.returnHint' | 'wi.cancelHint' | 'wi.confirmHint'> = {
  publish: 'wi.publishHint',
  return: 'wi.returnHint',
  cancel: 'wi.cancelHint',
  confirm: 'wi.confirmHint',
};
const NOTE_LABEL: Record<NoteAction, 'wi.reviewNote' | 'wi.reasonToResident' | 'wi.confirmNote'> = {
  publish: 'wi.reviewNote',
  return: 'wi.reasonToResident',
  cancel: 'wi.reasonToResident',
  confirm: 'wi.confirmNote',
};

function NoteModal({ w, action, onClose }: { w: Wish; action: NoteAction; onClose: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const move = useWishTransition(w.id);
  const [form] = Form.useForm<{ note?: string }>();
  const needed = REASON_ACTIONS.includes(action);
  const danger = action === 'cancel' || action === 'return';
  const submit = ({ note }: { note?: string }) => {
    const body = validateWith(wishTransitionBody, { action, note: note?.trim() ? note : null, version: w.version }, form, lang);
    if (!body) return;
    move.mutate(body, {
      onSuccess: () => {
        message.success(t('wi.done', { what: label(WISH_ACTION_LABELS[action]) }));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };
  return (
    <Modal
      open
      title={`${label(WISH_ACTION_LABELS[action])}：${w.title}`}
      okText={label(WISH_ACTION_LABELS[action])}
      okButtonProps={{ danger }}
      cancelText={t('cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type={danger ? 'danger' : 'secondary'}>{t(HINT[action])}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t(NOTE_LABEL[action])}
          name="note"
          rules={needed ? [{ required: true, whitespace: true, message: t('wish.reasonNeeded') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function WishActions({ w, onEdit }: { w: Wish; onEdit: () => void }) {
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite, canReview } = useWishRights();
  const move = useWishTransition(w.id);
  const [asking, setAsking] = useState<NoteAction | 'claim' | 'deliver' | null>(null);
  const allowed = WISH_ACTIONS.filter((a) => wishMove(w.status, a) && (REVIEW_ACTIONS.includes(a) ? canReview : canWrite));
  const submit = () =>
    modal.confirm({
      title: t('wi.submitConfirm'),
      okText: label(WISH_ACTION_LABELS.submit),
      cancelText: t('cancel'),
      onOk: () =>
        move.mutateAsync({ action: 'submit', version: w.version }).then(
          () => void message.success(t('wi.done', { what: label(WISH_ACTION_LABELS.submit) })),
          (e: Error) => showProblem(e),
        ),
    });
  return (
    <>
      <Space wrap>
        {canWrite && wishEditable(w.status) && <Button onClick={onEdit}>{t('edit')}</Button>}
        {allowed.map((a) => (
          <Button
            key={a}
            type={a === 'cancel' || a === 'return' ? 'default' : 'primary'}
            danger={a === 'cancel' || a === 'return'}
            onClick={() => (a === 'submit' ? submit() : setAsking(a))}
          >
            {label(WISH_ACTION_LABELS[a])}
          </Button>
        ))}
        {canWrite && w.status === 'published' && <Button onClick={() => setAsking('claim')}>{t('wi.claimFor')}</Button>}
        {canWrite && w.status === 'claimed' && (
          <Button type="primary" onClick={() => setAsking('deliver')}>
            {t('wi.recordDelivery')}
          </Button>
        )}
      </Space>
      {asking === 'claim' && <ClaimModal w={w} onClose={() => setAsking(null)} />}
      {asking === 'deliver' && <DeliveryModal w={w} onClose={() => setAsking(null)} />}
      {asking && asking !== 'claim' && asking !== 'deliver' && <NoteModal w={w} action={asking} onClose={() => setAsking(null)} />}
    </>
  );
}
