// 拒绝调入申请: a reason is required (the requester is told it).
import { useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import { useDecideTransfer, type Transfer } from '../../api/transfers.ts';
import { useI18n } from '../../i18n/index.tsx';

export function DeclineModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideTransfer();
  const [reason, setReason] = useState('');
  const submit = () =>
    decide.mutate(
      { id: transfer.id, decision: 'decline', reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('tr.declined'));
          onClose();
        },
        onError: (e) => message.error(e.message),
      },
    );
  return (
    <Modal
      open
      title={t('tr.declineTitle')}
      okText={t('tr.decline')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: decide.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {transfer.residentNameMasked} · {transfer.idMasked} → {transfer.toStreetName} {transfer.toAreaName}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label={t('tr.reason')}
        placeholder={t('tr.reason')}
        maxLength={500}
        autoSize={{ minRows: 3 }}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
