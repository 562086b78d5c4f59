// 服务对象档案: the resident's file on A4, masked; a value revealed (with its reason, audited)
// prints in clear. Recent assessments and contacts follow the identity.
import { useParams } from 'react-router-dom';
import { CONTACT_KIND_LABELS, type ResidentDetail } from '@wushe/core';
import { useAssessments } from '../../api/assessments.ts';
import { useContacts } from '../../api/contacts.ts';
import { useResident } from '../../api/residents.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Reveal } from '../residents/Reveal.tsx';
import { Fields, PrintSheet, Signatures } from './PrintSheet.tsx';

type Person = ResidentDetail['householdMembers'][number];

function People({ list }: { list: Person[] }) {
  const { t } = useI18n();
  if (!list.length) return <p>{t('print.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{t('res.name')}</th>
          <th>{t('res.relation')}</th>
          <th>{t('res.personPhone')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((p, i) => (
          <tr key={i}>
            <td>{p.name}</td>
            <td>{p.relation}</td>
            <td>{p.phoneMasked ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResidentPrint() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const resident = useResident(id);
  const assessments = useAssessments(id);
  const contacts = useContacts(id, 1);
  const categories = useCodeLabels('resident_category');
  const statuses = useCodeLabels('assistance_status');
  const r = resident.data;
  return (
    <PrintSheet title={t('print.residentTitle')} loading={resident.isPending} error={resident.error}>
      {r && (
        <>
          <h2>{t('print.basic')}</h2>
          <Fields
            pairs={[
              [t('res.name'), r.name],
              [t('res.sex'), r.sex ? t(`res.sex.${r.sex}`) : '—'],
              [t('res.birthDate'), r.birthDate ? `${formatDate(r.birthDate)}（${t('res.ageN', { n: r.age ?? 0 })}）` : '—'],
              [
                t('res.idNumber'),
                <Reveal key="id" residentId={r.id} field="idNumber" masked={r.idMasked} fieldLabel={t('res.idNumber')} />,
              ],
              [
                t('res.personPhone'),
                <Reveal
                  key="ph"
                  residentId={r.id}
                  field="phone"
                  masked={r.phoneMasked ?? '—'}
                  fieldLabel={t('res.personPhone')}
                  allowed={!!r.phoneMasked}
                />,
              ],
              [t('res.community'), r.areaName],
              [t('res.address'), r.address ?? '—'],
              [t('res.categories'), r.categories.map((c) => categories.labelOf(c)).join('、') || '—'],
              [t('res.assistanceStatus'), r.assistanceStatus ? statuses.labelOf(r.assistanceStatus) : '—'],
              [t('res.careLevel'), t('res.careLevelN', { n: r.careLevel })],
              [t('res.worker'), r.assignedWorkerName ?? '—'],
              [t('res.status'), t(`res.status.${r.status}`)],
              [t('res.registeredOn'), formatDate(r.registeredOn)],
              [t('res.lastContact'), formatDate(r.lastContactOn)],
              [t('res.nextDue'), formatDate(r.nextDueOn)],
            ]}
          />
          <h2>{t('print.family')}</h2>
          <People list={[...r.householdMembers, ...r.emergencyContacts, ...(r.guardian ? [r.guardian] : [])]} />
          <h2>{t('print.health')}</h2>
          <Fields
            pairs={[
              [
                t('res.healthNotes'),
                r.hasHealthNotes ? (
                  <Reveal key="h" residentId={r.id} field="healthNotes" masked="******" fieldLabel={t('res.healthNotes')} />
                ) : (
                  t('print.none')
                ),
              ],
              [t('res.notes'), r.notes ?? '—'],
            ]}
          />
          {r.consent && (
            <>
              <h2>{t('print.consent')}</h2>
              <Fields
                pairs={[
                  [t('res.consentPurpose'), r.consent.purpose],
                  [t('res.consentDate'), formatDate(r.consent.date)],
                  [t('res.consentGivenBy'), r.consent.givenBy],
                ]}
              />
            </>
          )}
          <h2>{t('print.assessments')}</h2>
          {assessments.data?.items.length ? (
            <table>
              <thead>
                <tr>
                  <th>{t('print.assessedOn')}</th>
                  <th>{t('print.instrument')}</th>
                  <th>{t('print.total')}</th>
                  <th>{t('print.band')}</th>
                  <th>{t('print.suggested')}</th>
                </tr>
              </thead>
              <tbody>
                {assessments.data.items.slice(0, 8).map((a) => (
                  <tr key={a.id}>
                    <td>{formatDate(a.assessedOn)}</td>
                    <td>{a.instrumentName}</td>
                    <td>{a.total}</td>
                    <td>{a.bandLabel ?? '—'}</td>
                    <td>{a.suggestedCareLevel ? t('res.careLevelN', { n: a.suggestedCareLevel }) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('print.none')}</p>
          )}
          <h2>{t('print.contacts')}</h2>
          {contacts.data?.items.length ? (
            <table>
              <thead>
                <tr>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.kind')}</th>
                  <th>{t('res.worker')}</th>
                  <th>{t('print.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {contacts.data.items.slice(0, 10).map((c) => (
                  <tr key={c.id}>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.occurredAt).slice(0, 16)}</td>
                    <td>{label(CONTACT_KIND_LABELS[c.kind])}</td>
                    <td>{c.workerName ?? '—'}</td>
                    <td>{c.notes ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('print.none')}</p>
          )}
          <Signatures labels={[t('print.signWorker'), t('print.signHead')]} />
        </>
      )}
    </PrintSheet>
  );
}
