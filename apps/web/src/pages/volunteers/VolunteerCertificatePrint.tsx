// 志愿服务记录证明: one certificate as an A4 page (domain brief §9: name, document type and masked
// number, volunteer number, hours and content of the service, the issuing organisation and its
// contact, certificate number and date), with the verification code and a QR code of the public
// check. Outside the shell (a bare route) so only it prints.
import { useParams } from 'react-router-dom';
import { Alert, Spin } from 'antd';
import { PrintBar, useQrDataUrl } from '../../components/CertificateParts.tsx';
import { useVolunteerCertificates } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';

const CSS = `
@page { size: A4 portrait; margin: 14mm; }
.vcert { width: 210mm; min-height: 297mm; margin: 16px auto; padding: 18mm 20mm; background: #fff; color: #000; box-sizing: border-box;
  box-shadow: 0 0 8px rgba(0,0,0,.15); font-family: "Songti SC", "SimSun", serif; position: relative; }
.vcert h1 { text-align: center; font-size: 26pt; letter-spacing: .3em; margin: 6mm 0 4mm; }
.vcert .no { text-align: right; font-size: 11pt; margin-bottom: 8mm; }
.vcert table { width: 100%; border-collapse: collapse; font-size: 13pt; }
.vcert td { border: 1px solid #000; padding: 3mm 4mm; vertical-align: top; }
.vcert td.k { width: 32mm; white-space: nowrap; }
.vcert .body { font-size: 14pt; line-height: 2; text-indent: 2em; margin: 8mm 0; }
.vcert .sign { text-align: right; font-size: 13pt; line-height: 1.9; margin-top: 14mm; }
.vcert .verify { position: absolute; left: 20mm; bottom: 18mm; display: flex; gap: 4mm; align-items: flex-end; font-size: 9pt; }
.vcert .verify img { width: 24mm; height: 24mm; }
@media print {
  body, html, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .vcert { margin: 0; box-shadow: none; width: auto; min-height: 265mm; padding: 0; }
}`;

export function VolunteerCertificatePrint() {
  const { id = '', code = '' } = useParams();
  const { t } = useI18n();
  const q = useVolunteerCertificates(id);
  const c = q.data?.items.find((x) => x.code === code);
  const url = c ? `${window.location.origin}/v/${c.code}` : undefined;
  const qr = useQrDataUrl(url);
  return (
    <div style={{ background: '#f0f0f0', minHeight: '100vh', padding: '1px 0' }}>
      <style>{CSS}</style>
      <PrintBar width="210mm" ready={Boolean(c)} />
      {q.isPending && <Spin />}
      {q.data && !c && <Alert type="error" title={t('notFound')} style={{ maxWidth: 600, margin: '16px auto' }} />}
      {c && (
        <article className="vcert" aria-label={t('vol.cert.title')} data-testid="volunteer-certificate">
          <h1>{t('vol.cert.title')}</h1>
          <div className="no">{t('vol.cert.numberLine', { number: c.number })}</div>
          <table>
            <tbody>
              <tr>
                <td className="k">{t('vol.cert.name')}</td>
                <td>{c.name}</td>
                <td className="k">{t('vol.cert.no')}</td>
                <td>{c.volunteerNo}</td>
              </tr>
              <tr>
                <td className="k">{t('vol.cert.idKind')}</td>
                <td>{t('vol.cert.residentId')}</td>
                <td className="k">{t('vol.cert.idNumber')}</td>
                <td>{c.idMasked ?? '—'}</td>
              </tr>
              <tr>
                <td className="k">{t('vol.cert.period')}</td>
                <td colSpan={3}>
                  {c.periodFrom} – {c.periodTo}
                </td>
              </tr>
              <tr>
                <td className="k">{t('vol.cert.hours')}</td>
                <td>{c.hours}</td>
                <td className="k">{t('vol.cert.services')}</td>
                <td>{c.services}</td>
              </tr>
              <tr>
                <td className="k">{t('vol.cert.content')}</td>
                <td colSpan={3}>{c.content}</td>
              </tr>
            </tbody>
          </table>
          <p className="body">{t('vol.cert.body', { name: c.name, hours: c.hours })}</p>
          <div className="sign">
            <div>{c.issuer}</div>
            {c.issuerContact && <div>{t('vol.cert.contactLine', { contact: c.issuerContact })}</div>}
            <div>{c.issuedOn}</div>
          </div>
          <div className="verify">
            {qr && <img src={qr} alt={t('vol.cert.verify')} data-url={url} />}
            <div>
              <div>{t('vol.cert.code', { code: c.code })}</div>
              <div>{t('vol.cert.verify')}</div>
              <div>{url}</div>
            </div>
          </div>
        </article>
      )}
    </div>
  );
}
