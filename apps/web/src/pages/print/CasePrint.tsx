// 个案服务记录表: a case on A4: its facts, the person (ID masked unless revealed, as on every
// printed page), the presenting problem (a notice instead for a sensitive case the viewer may not
// read), goals with measure, target date, final state and progress, planned services, the key
// events of the timeline (approvals, contacts and services with their minutes, progress,
// referrals), the closing summary and signature lines for the worker, supervisor and person.
import { useParams } from 'react-router-dom';
import type { CaseEventKind } from '@wushe/core';
import { useCase, useCaseTimeline } from '../../api/cases.ts';
import { useResident } from '../../api/residents.ts';
import { useActor } from '../../api/session.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDescribeEvent } from '../cases/CaseTimeline.tsx';
import { Reveal } from '../residents/Reveal.tsx';
import { Fields, PrintSheet, Signatures } from './PrintSheet.tsx';

/** The events a paper record keeps (notes and drafts stay on screen). */
const KEY_EVENTS = new Set<CaseEventKind>([
  'opened',
  'plan_approved',
  'plan_returned',
  'contact',
  'progress',
  'referred',
  'referral_accepted',
  'referral_declined',
  'referral_ended',
  'reassigned',
  'closure_approved',
  'closure_returned',
  'reopened',
  'task_done',
]);

const boxed = { whiteSpace: 'pre-wrap', minHeight: '20mm', border: '1px solid #000', padding: '2mm' } as const;

export function CasePrint() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const c = useCase(id);
  const timeline = useCaseTimeline(id);
  const readsRegister = useActor().permissions.includes('resident.read');
  const resident = useResident(readsRegister ? c.data?.residentId : undefined);
  const types = useCodeLabels('case_type');
  const services = useCodeLabels('service_type');
  const describeEvent = useDescribeEvent();
  const d = c.data;
  const r = resident.data;
  const events = (timeline.data?.items ?? []).filter((e) => KEY_EVENTS.has(e.kind));
  const hidden = <p style={boxed}>{t('cs.hiddenTitle')}</p>;

  return (
    <PrintSheet title={t('cp.title')} loading={c.isPending} error={c.error}>
      {d && (
        <>
          <h2>{t('cp.case')}</h2>
          <Fields
            pairs={[
              [t('cs.col.caseNo'), d.caseNo],
              [t('cs.col.worker'), d.workerName],
              [t('cs.col.type'), types.labelOf(d.type)],
              [t('cs.col.risk'), t(`cs.risk.${d.riskLevel}`)],
              [t('cs.col.stage'), t(`case.stage.${d.stage}`)],
              [t('cs.col.area'), d.areaName],
              [t('cs.col.openedOn'), formatDate(d.openedOn)],
              [t('cs.closedOn'), formatDate(d.closedOn)],
            ]}
          />
          <h2>{t('cp.resident')}</h2>
          <Fields
            pairs={[
              [t('res.name'), d.residentName],
              [
                t('res.idNumber'),
                r ? <Reveal key="id" residentId={r.id} field="idNumber" masked={r.idMasked} fieldLabel={t('res.idNumber')} /> : '—',
              ],
              [t('res.sex'), r?.sex ? t(`res.sex.${r.sex}`) : '—'],
              [t('res.birthDate'), r?.birthDate ? formatDate(r.birthDate) : '—'],
              [t('res.address'), r?.address ?? '—'],
            ]}
          />
          <h2>{t('cp.problem')}</h2>
          {d.narrativeHidden ? hidden : <p style={boxed}>{d.problem}</p>}
          <h2>{t('cp.goals')}</h2>
          {d.narrativeHidden ? (
            hidden
          ) : d.plan?.goals.length ? (
            <table aria-label={t('cp.goals')}>
              <thead>
                <tr>
                  <th>{t('cp.goal')}</th>
                  <th>{t('cp.measure')}</th>
                  <th>{t('cp.targetDate')}</th>
                  <th>{t('cp.finalState')}</th>
                  <th>{t('cp.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {d.plan.goals.map((g, i) => (
                  <tr key={g.id}>
                    <td>
                      {i + 1}. {g.title}
                    </td>
                    <td>{g.measure}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatDate(g.targetDate)}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{t(`cs.goal.status.${g.status}`)}</td>
                    <td style={{ whiteSpace: 'pre-wrap' }}>{g.progress ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('print.none')}</p>
          )}
          {!d.narrativeHidden && (
            <Fields pairs={[[t('cp.services'), d.plan?.services.map((s) => services.labelOf(s)).join('、') || t('print.none')]]} />
          )}
          <h2>{t('cp.events')}</h2>
          {events.length ? (
            <table aria-label={t('cp.events')}>
              <thead>
                <tr>
                  <th>{t('cp.when')}</th>
                  <th>{t('cp.what')}</th>
                  <th>{t('cp.who')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.at)}</td>
                    <td style={{ whiteSpace: 'pre-wrap' }}>
                      {describeEvent(e)}
                      {e.text ? `\n${e.text}` : ''}
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>{e.actorName ?? t('cs.system')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('print.none')}</p>
          )}
          <h2>{t('cp.closing')}</h2>
          {d.narrativeHidden ? hidden : <p style={boxed}>{d.closingSummary ?? t('cp.notClosed')}</p>}
          <Signatures labels={[t('cp.signWorker'), t('cp.signSupervisor'), t('cp.signResident')]} />
        </>
      )}
    </PrintSheet>
  );
}
