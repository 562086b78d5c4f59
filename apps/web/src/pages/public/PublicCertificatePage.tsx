// /p/certificates/:code (and the short /v/:code a printed certificate's QR code holds): whether a
// certificate of completion is genuine, with the holder's masked name, the course, hours and date;
// for a volunteer-service record certificate, what it certified (period, services, content, issuer).
import { Alert, Card, Descriptions } from 'antd';
import { useParams } from 'react-router-dom';
import { useVerifyCertificate } from '../../api/trainings.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PublicShell } from './PublicShell.tsx';

export function PublicCertificatePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const q = useVerifyCertificate(code.toUpperCase());
  const c = q.data;
  return (
    <PublicShell title={t('trp.verifyTitle')} notice={false}>
      {q.isError && <Alert type="error" showIcon title={t('trp.invalid')} data-testid="cert-invalid" />}
      {c && (
        <Card>
          <Alert type="success" showIcon title={t('trp.valid')} style={{ marginBottom: 16 }} data-testid="cert-valid" />
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('trp.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('trp.holder')}>{c.maskedName}</Descriptions.Item>
            <Descriptions.Item label={t('trp.course')}>{c.title}</Descriptions.Item>
            {c.kind === 'volunteer' && (
              <>
                <Descriptions.Item label={t('pv.cert.no')}>{c.volunteerNo}</Descriptions.Item>
                <Descriptions.Item label={t('pv.cert.period')}>
                  {c.periodFrom} – {c.periodTo}
                </Descriptions.Item>
                <Descriptions.Item label={t('pv.cert.services')}>{c.services}</Descriptions.Item>
                <Descriptions.Item label={t('pv.cert.content')}>{c.content}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t('trw.hours')}>{c.hours}</Descriptions.Item>
            {c.issuer && <Descriptions.Item label={t('pv.cert.issuer')}>{c.issuer}</Descriptions.Item>}
            <Descriptions.Item label={t('trp.issuedOn')}>{c.issuedOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </PublicShell>
  );
}
