// The 二维码签到 screen (outside the shell, for a projector or a tablet): a big QR code of the
// check-in page with the current rotating code, a countdown to the next, and the live count.
// The link it encodes is also on the page (data-url) for whoever cannot scan.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { useCheckinCode } from '../api/checkin.ts';
import { useI18n } from '../i18n/index.tsx';

/** The screen of any check-in kind (activity, training_session…): `back` is the page it came from. */
export function CheckinQrScreen({ kind, id, title, back }: { kind: string; id: string; title: string; back: string }) {
  const { t } = useI18n();
  const code = useCheckinCode(kind, id);
  const [image, setImage] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const url = code.data ? `${window.location.origin}${code.data.url}` : undefined;

  useEffect(() => {
    if (!url) return;
    void QRCode.toDataURL(url, { width: 640, margin: 1, errorCorrectionLevel: 'M' }).then(setImage);
  }, [url]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.expiresAt) - now) / 1000)) : 0;

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#fff' }}>
      <Space orientation="vertical" align="center" size="middle" style={{ maxWidth: 720, width: '100%', textAlign: 'center' }}>
        <Link to={back} style={{ alignSelf: 'flex-start' }}>
          <ArrowLeftOutlined aria-hidden /> {t('qr.back')}
        </Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('qr.title')}
        </Typography.Title>
        {image && url ? (
          <img
            src={image}
            alt={t('qr.title')}
            data-url={url}
            data-testid="checkin-qr"
            style={{ width: 'min(80vw, 60vh, 480px)', height: 'auto' }}
          />
        ) : (
          <Spin size="large" />
        )}
        <Typography.Text style={{ fontSize: 28 }} strong data-testid="qr-present">
          {t('qr.present', { present: code.data?.present ?? 0 })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('qr.refreshIn', { s: seconds })}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 480 }}>
          {t('qr.hint')}
        </Typography.Paragraph>
        {url && (
          <a href={url} data-testid="checkin-link" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {t('qr.openLink')}
          </a>
        )}
      </Space>
    </main>
  );
}
