// Registration answered "already registered": the number is held by another station. Offer
// the transfer request (调入) with what was typed, instead of a dead end.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Modal, Typography } from 'antd';
import type { DocumentType } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RequestTransferForm } from './RequestTransferForm.tsx';

export function TakenOffer({
  documentType,
  idNumber,
  areaCode,
  onClose,
}: {
  documentType: DocumentType;
  idNumber: string;
  areaCode?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canRequest = useActor().permissions.includes('transfer.request');
  const [requesting, setRequesting] = useState(false);
  if (requesting)
    return (
      <RequestTransferForm
        initial={{ documentType, idNumber, toAreaCode: areaCode }}
        onClose={onClose}
        onSaved={() => navigate('/transfers')}
      />
    );
  return (
    <Modal
      open
      title={t('tr.takenTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        canRequest && (
          <Button key="request" type="primary" onClick={() => setRequesting(true)}>
            {t('tr.request')}
          </Button>
        ),
      ]}
    >
      <Typography.Paragraph>{t('tr.takenText')}</Typography.Paragraph>
    </Modal>
  );
}
