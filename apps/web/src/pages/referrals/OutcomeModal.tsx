// 登记结果: the referring worker records what an organisation outside Wushe answered.
import { App, Form, Input, Modal, Radio } from 'antd';
import { referralOutcome } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useRecordReferralOutcome, type Referral } from '../../api/referrals.ts';
import { useI18n } from '../../i18n/index.tsx';

export function OutcomeModal({ r, onClose }: { r: Referral; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const record = useRecordReferralOutcome(r.id);
  const [form] = Form.useForm<{ accepted: boolean; comment?: string }>();

  const submit = (v: { accepted: boolean; comment?: string }) => {
    const body = validateWith(referralOutcome, { version: r.version, accepted: v.accepted, comment: v.comment ?? '' }, form, lang);
    if (!body) return;
    record.mutate(body, {
      onSuccess: () => {
        message.success(t('rf.outcomeRecorded'));
        onClose();
      },
      onError: (e) => showProblem(e, form, onClose),
    });
  };

  return (
    <Modal
      open
      title={t('rf.outcomeTitle', { org: r.externalName ?? '' })}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ accepted: true }}>
        <Form.Item label={t('rf.outcome')} name="accepted">
          <Radio.Group
            options={[
              { value: true, label: t('rf.outcomeAccepted') },
              { value: false, label: t('rf.outcomeDeclined') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('rf.outcomeComment')}
          name="comment"
          rules={[{ required: true, whitespace: true, message: t('field.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
