// What printed certificates share: the bar above the page (back, print) and the QR code of the
// public verification address, drawn as a data URL.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Flex } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { useI18n } from '../i18n/index.tsx';

/** Back and print, hidden on paper; print waits until the page has its content. */
export function PrintBar({ width, ready }: { width: string; ready: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Flex className="no-print" gap={8} wrap align="center" style={{ maxWidth: width, margin: '16px auto 0' }}>
      <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
        {t('print.back')}
      </Button>
      <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={!ready}>
        {t('print.print')}
      </Button>
    </Flex>
  );
}

/** The QR code of an address, once drawn. */
export function useQrDataUrl(url: string | undefined): string | undefined {
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    if (url) void QRCode.toDataURL(url, { width: 300, margin: 0, errorCorrectionLevel: 'M' }).then(setQr);
  }, [url]);
  return qr;
}
