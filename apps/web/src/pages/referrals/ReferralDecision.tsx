// For the receiving organisation while a referral is pending: 接收 (an optional comment, and 同时开案
// to open a case of theirs for the person) or 不接收 (a reason is required). Both in a dialog.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { referralDecision } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useDecideReferral, type Referral } from '../../api/referrals.ts';
import { useI18n } from '../../i18n/index.tsx';

function DecideModal({ r, accept, onClose }: { r: Referral; accept: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const decide = useDecideReferral(r.id);
  const [form] = Form.useForm<{ comment?: string; openCase?: boolean }>();

  const submit = (v: { comment?: string; openCase?: boolean }) => {
    const body = validateWith(
      referralDecision,
      { version: r.version, accept, comment: v.comment || undefined, openCase: accept && !!v.openCase },
      form,
      lang,
    );
    if (!body) return;
    decide.mutate(body, {
      onSuccess: () => {
        message.success(t(accept ? 'rf.accepted' : 'rf.declined'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={t(accept ? 'rf.acceptTitle' : 'rf.declineTitle')}
      okText={t(accept ? 'rf.accept' : 'rf.decline')}
      okButtonProps={{ danger: !accept }}
      cancelText={t('cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={accept ? t('rf.decision') : t('rf.declineReason')}
          name="comment"
          rules={accept ? [] : [{ required: true, whitespace: true, message: t('referral.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount autoFocus placeholder={accept ? t('rf.commentOptional') : undefined} />
        </Form.Item>
        {accept && (
          <Form.Item name="openCase" valuePropName="checked">
            <Checkbox>{t('rf.alsoOpenCase')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReferralDecision({ r }: { r: Referral }) {
  const { t } = useI18n();
  const [deciding, setDeciding] = useState<'accept' | 'decline' | null>(null);
  if (r.direction !== 'incoming' || r.status !== 'pending') return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('rf.awaits')}
      description={
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDeciding('accept')}>
            {t('rf.accept')}
          </Button>
          <Button danger icon={<CloseOutlined aria-hidden />} onClick={() => setDeciding('decline')}>
            {t('rf.decline')}
          </Button>
          {deciding && <DecideModal r={r} accept={deciding === 'accept'} onClose={() => setDeciding(null)} />}
        </Flex>
      }
    />
  );
}
