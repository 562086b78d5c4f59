// 志愿者签到码: the activity's rotating volunteer QR code (new every minute) in a dialog, for an
// accepted volunteer's phone to check in and, scanned again, out; with the counts, a countdown to
// the next code and the link it encodes for whoever cannot scan.
import { useEffect, useState } from 'react';
import { Flex, Modal, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useVolunteerCode } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';

export function VolunteerQrModal({ activityId, title, onClose }: { activityId: string; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const code = useVolunteerCode(activityId, true);
  const [image, setImage] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const url = code.data ? `${window.location.origin}${code.data.url}` : undefined;

  useEffect(() => {
    if (!url) return;
    void QRCode.toDataURL(url, { width: 480, margin: 1, errorCorrectionLevel: 'M' }).then(setImage);
  }, [url]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.expiresAt) - now) / 1000)) : 0;

  return (
    <Modal open title={t('vol.qr')} footer={null} onCancel={onClose} destroyOnHidden width={520} centered>
      <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {image && url ? (
          <img
            src={image}
            alt={t('vol.qr')}
            data-url={url}
            data-testid="volunteer-qr"
            style={{ width: 'min(72vw, 50vh, 360px)', height: 'auto' }}
          />
        ) : (
          <Spin size="large" style={{ margin: 48 }} />
        )}
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="volunteer-qr-counts">
          {t('vol.qrCounts', { in: code.data?.checkedIn ?? 0, accepted: code.data?.accepted ?? 0 })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('qr.refreshIn', { s: seconds })}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 420, marginBottom: 0 }}>
          {t('vol.qrHint')}
        </Typography.Paragraph>
        {url && (
          <a href={url} target="_blank" rel="noreferrer" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {t('qr.openLink')}
          </a>
        )}
      </Flex>
    </Modal>
  );
}
