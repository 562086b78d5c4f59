// 409 resident.possibleDuplicate: show the candidates; "仍然登记" resends with the override.
import { Link } from 'react-router-dom';
import { Button, List, Modal, Typography } from 'antd';
import { type DuplicateCandidate } from '../../api/residents.ts';
import { useI18n } from '../../i18n/index.tsx';

export function DuplicateModal({
  candidates,
  onCancel,
  onConfirm,
}: {
  candidates: DuplicateCandidate[];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('res.dupTitle')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('cancel')}
        </Button>,
        <Button key="ok" type="primary" danger onClick={onConfirm}>
          {t('res.dupAnyway')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('res.dupText')}</Typography.Paragraph>
      <List
        bordered
        size="small"
        dataSource={candidates}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/residents/${c.id}`} target="_blank">
              {c.name}
            </Link>
            <span style={{ fontFamily: 'monospace' }}>{c.idMasked}</span>
            <span>{c.birthDate ?? ''}</span>
            <span>{c.areaName}</span>
          </List.Item>
        )}
      />
    </Modal>
  );
}
