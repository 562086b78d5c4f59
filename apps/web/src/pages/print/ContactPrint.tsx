// 走访记录表: one visit, call or service on A4 with the resident's identity (masked), the
// notes, the attachments and signature lines.
import { useParams } from 'react-router-dom';
import { CONTACT_KIND_LABELS, type Contact } from '@wushe/core';
import { useContactPrint } from '../../api/print.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Reveal } from '../residents/Reveal.tsx';
import { Fields, PrintSheet, Signatures } from './PrintSheet.tsx';

/**
 * The visit checklist (safety hazards, health, living conditions, needs found). It comes with
 * structured visits (issue 8, item 10): when a contact carries `checklist`, list it here.
 */
function Checklist({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const items = (contact as Contact & { checklist?: unknown }).checklist;
  if (!Array.isArray(items) || !items.length) return <p>{t('print.checklistEmpty')}</p>;
  return (
    <ul>
      {items.map((it, i) => (
        <li key={i}>{typeof it === 'string' ? it : JSON.stringify(it)}</li>
      ))}
    </ul>
  );
}

export function ContactPrint() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const data = useContactPrint(id);
  const services = useCodeLabels('service_type');
  const c = data.data?.contact;
  const r = data.data?.resident;
  return (
    <PrintSheet title={t('print.contactTitle')} loading={data.isPending} error={data.error}>
      {c && r && (
        <>
          <h2>{t('print.basic')}</h2>
          <Fields
            pairs={[
              [t('res.name'), r.name],
              [
                t('res.idNumber'),
                <Reveal key="id" residentId={r.id} field="idNumber" masked={r.idMasked} fieldLabel={t('res.idNumber')} />,
              ],
              [t('res.community'), r.areaName],
              [t('res.address'), r.address ?? '—'],
              [t('res.careLevel'), t('res.careLevelN', { n: r.careLevel })],
              [t('res.lastContact'), formatDate(r.lastContactOn)],
            ]}
          />
          <h2>{t('print.visit')}</h2>
          <Fields
            pairs={[
              [t('audit.at'), formatDateTime(c.occurredAt).slice(0, 16)],
              [t('audit.kind'), label(CONTACT_KIND_LABELS[c.kind]) + (c.serviceType ? ` · ${services.labelOf(c.serviceType)}` : '')],
              [t('res.worker'), c.workerName ?? '—'],
              [t('print.attachments'), c.attachments.map((a) => a.filename).join('、') || t('print.none')],
            ]}
          />
          <h2>{t('print.checklist')}</h2>
          <Checklist contact={c} />
          <h2>{t('print.notes')}</h2>
          <p style={{ whiteSpace: 'pre-wrap', minHeight: '40mm', border: '1px solid #000', padding: '2mm' }}>{c.notes ?? ''}</p>
          <Signatures labels={[t('print.signWorker'), t('print.signResident')]} />
        </>
      )}
    </PrintSheet>
  );
}
