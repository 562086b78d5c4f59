// 评估报告: the instrument's items with the answer and score of each (the answers endpoint is
// audited), the total, the band and the suggested care level, on A4.
import { useParams } from 'react-router-dom';
import { useInstruments } from '../../api/assessments.ts';
import { useAssessmentReport } from '../../api/print.ts';
import { useResident } from '../../api/residents.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Fields, PrintSheet, Signatures } from './PrintSheet.tsx';

export function AssessmentPrint() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const report = useAssessmentReport(id);
  const a = report.data;
  const resident = useResident(a?.residentId);
  const instruments = useInstruments();
  const def = instruments.data?.items.find((i) => i.code === a?.instrumentCode && i.version === a?.instrumentVersion)?.definition;
  const r = resident.data;
  const answerOf = (code: string) => a?.answers[code];
  return (
    <PrintSheet title={t('print.assessmentTitle')} loading={report.isPending} error={report.error}>
      {a && (
        <>
          <h2>{t('print.basic')}</h2>
          <Fields
            pairs={[
              [t('res.name'), r?.name ?? '—'],
              [t('res.idNumber'), r?.idMasked ?? '—'],
              [t('res.community'), r?.areaName ?? '—'],
              [t('res.careLevel'), r ? t('res.careLevelN', { n: r.careLevel }) : '—'],
              [t('print.instrument'), `${a.instrumentName}（v${a.instrumentVersion}）`],
              [t('print.assessedOn'), formatDate(a.assessedOn)],
              [t('print.assessor'), a.assessedByName ?? '—'],
              [t('print.reason'), a.reason ?? '—'],
            ]}
          />
          <h2>{t('print.items')}</h2>
          {def ? (
            <table>
              <thead>
                <tr>
                  <th style={{ width: '6%' }}>#</th>
                  {def.dimensions.length > 0 && <th>{t('print.dimension')}</th>}
                  <th>{t('print.item')}</th>
                  <th>{t('print.answer')}</th>
                  <th style={{ width: '9%' }}>{t('print.score')}</th>
                </tr>
              </thead>
              <tbody>
                {def.items.map((it, i) => {
                  const v = answerOf(it.code);
                  const chosen = it.options.filter((o) => (Array.isArray(v) ? v.includes(o.value) : String(v) === o.value));
                  return (
                    <tr key={it.code}>
                      <td>{i + 1}</td>
                      {def.dimensions.length > 0 && (
                        <td>{label(def.dimensions.find((d) => d.code === it.dimension)?.name ?? { zh: '', en: '' })}</td>
                      )}
                      <td>{label(it.text)}</td>
                      <td>{chosen.length ? chosen.map((o) => label(o.label)).join('、') : v === undefined ? '—' : String(v)}</td>
                      <td>{chosen.length ? chosen.reduce((s, o) => s + o.score, 0) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p>{t('loading')}</p>
          )}
          <h2>{t('print.result')}</h2>
          <Fields
            pairs={[
              [t('print.total'), String(a.total)],
              [t('print.band'), a.bandLabel ?? '—'],
              [t('print.suggested'), a.suggestedCareLevel ? t('res.careLevelN', { n: a.suggestedCareLevel }) : '—'],
              [t('print.confirmed'), a.confirmedCareLevel ? t('res.careLevelN', { n: a.confirmedCareLevel }) : '—'],
              [t('print.flags'), a.flags.join('、') || t('print.none')],
            ]}
          />
          <Signatures labels={[t('print.assessor'), t('print.signResident')]} />
        </>
      )}
    </PrintSheet>
  );
}
