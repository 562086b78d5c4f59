// 结业证书: the certificate of completion of one registrant, an A4 page to print (landscape
// border, the holder, course, level, hours, organiser, date), with the public verification code
// and a QR code of the verification address. Outside the shell (a bare route) so only it prints.
import { useParams } from 'react-router-dom';
import { Alert, Spin } from 'antd';
import { PrintBar, useQrDataUrl } from '../../components/CertificateParts.tsx';
import { TRAINING_LEVEL_LABELS } from '@wushe/core';
import { useCertificatePrint } from '../../api/trainings.ts';
import { useI18n } from '../../i18n/index.tsx';

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
.cert { width: 297mm; height: 210mm; margin: 16px auto; padding: 12mm; background: #fff; color: #000; box-sizing: border-box;
  box-shadow: 0 0 8px rgba(0,0,0,.15); font-family: "Songti SC", "SimSun", serif; }
.cert-frame { height: 100%; border: 3mm double #8b0000; padding: 14mm 20mm; box-sizing: border-box; position: relative; }
.cert h1 { text-align: center; font-size: 34pt; letter-spacing: .5em; margin: 4mm 0 12mm; color: #8b0000; }
.cert .body { font-size: 17pt; line-height: 2.1; text-indent: 2em; }
.cert .sign { position: absolute; right: 24mm; bottom: 26mm; text-align: center; font-size: 14pt; line-height: 1.8; }
.cert .verify { position: absolute; left: 22mm; bottom: 18mm; display: flex; gap: 4mm; align-items: flex-end; font-size: 9pt; }
.cert .verify img { width: 26mm; height: 26mm; }
@media print {
  body, html, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .cert { margin: 0; box-shadow: none; width: auto; height: 186mm; padding: 0; }
}`;

export function CertificatePrint() {
  const { id = '', registrationId = '' } = useParams();
  const { t, label } = useI18n();
  const q = useCertificatePrint(id, registrationId);
  const c = q.data;
  const url = c ? `${window.location.origin}${c.verifyUrl}` : undefined;
  const qr = useQrDataUrl(url);
  return (
    <div style={{ background: '#f0f0f0', minHeight: '100vh', padding: '1px 0' }}>
      <style>{CSS}</style>
      <PrintBar width="297mm" ready={Boolean(c)} />
      {q.isLoading && <Spin />}
      {q.error && <Alert type="error" title={q.error.message} style={{ maxWidth: 600, margin: '16px auto' }} />}
      {c && (
        <article className="cert" aria-label={t('trw.cert.title')} data-testid="certificate">
          <div className="cert-frame">
            <h1>{t('trw.cert.title')}</h1>
            <p className="body">
              {t('trw.cert.body', { name: c.personName, title: c.title, level: label(TRAINING_LEVEL_LABELS[c.level]), hours: c.hours })}
            </p>
            <div className="sign">
              <div>{c.orgName ?? ''}</div>
              <div>{t('trw.cert.issuedOn', { date: c.issuedOn })}</div>
            </div>
            <div className="verify">
              {qr && <img src={qr} alt={t('trw.cert.verify')} data-url={url} />}
              <div>
                <div>{t('trw.cert.code', { code: c.code })}</div>
                <div>{t('trw.cert.verify')}</div>
                <div>{url}</div>
              </div>
            </div>
          </div>
        </article>
      )}
    </div>
  );
}
