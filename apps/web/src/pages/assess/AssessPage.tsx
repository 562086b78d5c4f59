// 开展评估 /residents/:id/assess: pick an instrument, answer its items (grouped by dimension),
// watch the running score (core scoreAssessment), then confirm the care level and save.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Empty, Form, Grid, Row, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ASSESSMENT_REASONS,
  scoreAssessment,
  type AssessmentAnswers,
  type AssessmentExtras,
  type AssessmentResult,
  type InstrumentDefinition,
} from '@wushe/core';
import { useCreateAssessment, useInstruments } from '../../api/assessments.ts';
import { formatDateTime } from '../../fmt.ts';
import { useResident } from '../../api/residents.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ExtrasFields, ItemField } from './ItemFields.tsx';
import { ResultModal } from './ResultModal.tsx';
import { ScoreBar, ScoreCard } from './ScoreCard.tsx';
import { businessToday } from '../../fmt.ts';

function clean(answers: AssessmentAnswers): AssessmentAnswers {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

function groups(def: InstrumentDefinition) {
  if (!def.dimensions.length) return [{ code: '', name: null, max: undefined, items: def.items }];
  const out = def.dimensions.map((d) => ({
    code: d.code,
    name: d.name,
    max: d.max,
    items: def.items.filter((i) => i.dimension === d.code),
  }));
  const rest = def.items.filter((i) => !i.dimension);
  return rest.length ? [...out, { code: '', name: null, max: undefined, items: rest }] : out;
}

export function AssessPage() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const showProblem = useProblem();
  const create = useCreateAssessment(id ?? '');
  const resident = useResident(id);
  const instruments = useInstruments();
  const [code, setCode] = useState<string>();
  const [reason, setReason] = useState('routine');
  const [date, setDate] = useState<Dayjs>(businessToday());
  const [answers, setAnswers] = useState<AssessmentAnswers>({});
  const [extras, setExtras] = useState<AssessmentExtras>({});
  const [showMissing, setShowMissing] = useState(false);
  const [confirming, setConfirming] = useState<AssessmentResult | null>(null);
  const [saving, setSaving] = useState(false);

  // The newest version per code.
  const list = useMemo(() => {
    const m = new Map<string, NonNullable<typeof instruments.data>['items'][number]>();
    for (const i of instruments.data?.items ?? []) m.set(i.code, i);
    return [...m.values()];
  }, [instruments.data]);
  const inst = list.find((i) => i.code === code);
  const def = inst?.definition;
  const result = useMemo(() => {
    if (!def) return null;
    try {
      return scoreAssessment(def, clean(answers), extras);
    } catch {
      return null;
    }
  }, [def, answers, extras]);

  if (resident.isPending || instruments.isPending) return <Skeleton active />;
  if (!resident.data) return <Empty />;
  const r = resident.data;
  const reasons = def?.reasons.length ? def.reasons : ASSESSMENT_REASONS;

  const pick = (c: string) => {
    setCode(c);
    setAnswers({});
    setExtras({});
    setShowMissing(false);
  };

  const submit = () => {
    if (!result) return;
    if (!result.complete) {
      setShowMissing(true);
      message.warning(t('assess.answerAll', { n: result.missing.length }));
      document.getElementById(`item-${result.missing[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setConfirming(result);
  };

  const save = async (confirmed: number, overrideReason: string | null) => {
    if (!inst) return;
    setSaving(true);
    try {
      const saved = await create.mutateAsync({
        instrumentCode: inst.code,
        instrumentVersion: inst.version,
        reason,
        answers: clean(answers),
        extras,
        assessedOn: date.format('YYYY-MM-DD'),
        confirmedCareLevel: confirmed,
        overrideReason,
      });
      message.success(t('assess.saved'));
      // An urgent flag: the same-day task and who was alerted, said at once (the bell and the
      // follow-up lists refresh with the mutation).
      const u = saved.urgentFollowUp;
      if (u)
        message.warning(
          t('assess.urgentTold', { due: formatDateTime(u.dueAt), who: u.alerted.join('、') || t('assess.urgentNobody') }),
          10,
        );
      navigate(`/residents/${r.id}`);
    } catch (e) {
      showProblem(e);
    } finally {
      setSaving(false);
    }
  };

  let n = 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card
          title={
            <>
              {t('assess.title')} · <Link to={`/residents/${r.id}`}>{r.name}</Link>
            </>
          }
        >
          <Form layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item label={t('assess.instrument')} htmlFor="instrument">
                  <Select
                    id="instrument"
                    value={code}
                    onChange={pick}
                    options={list.map((i) => ({ value: i.code, label: label(i.name) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item label={t('assess.reason')} htmlFor="reason">
                  <Select
                    id="reason"
                    value={reason}
                    onChange={setReason}
                    options={reasons.map((x) => ({ value: x.code, label: label(x.label) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item label={t('assess.date')} htmlFor="assessed-on">
                  <DatePicker
                    id="assessed-on"
                    value={date}
                    onChange={(d) => d && setDate(d)}
                    allowClear={false}
                    disabledDate={(d) => d.isAfter(businessToday(), 'day')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
      </Col>
      {def && (
        <>
          <Col xs={24} lg={{ span: 8, order: 2 }}>
            {screens.lg ? (
              <div style={{ position: 'sticky', top: 16, zIndex: 5 }}>
                <ScoreCard def={def} result={result} />
                <Button type="primary" block size="large" style={{ marginTop: 12 }} onClick={submit}>
                  {t('assess.submit')}
                </Button>
              </div>
            ) : (
              <>
                <ScoreCard def={def} result={result} compact />
                <ScoreBar def={def} result={result} onSubmit={submit} />
              </>
            )}
          </Col>
          <Col xs={24} lg={{ span: 16, order: 1 }}>
            {groups(def).map((g) => (
              <Card
                key={g.code || 'rest'}
                size="small"
                title={g.name ? label(g.name) : undefined}
                extra={
                  g.code && def.kind === 'ability'
                    ? t('assess.subtotal', { n: result?.dimensionScores[g.code] ?? 0, max: g.max ?? '' })
                    : undefined
                }
                style={{ marginBottom: 16 }}
              >
                {g.items.map((item) => (
                  <ItemField
                    key={item.code}
                    item={item}
                    index={++n}
                    value={answers[item.code]}
                    missing={showMissing && !!result?.missing.includes(item.code)}
                    onChange={(v) => setAnswers((a) => ({ ...a, [item.code]: v as AssessmentAnswers[string] }))}
                  />
                ))}
              </Card>
            ))}
            {def.extras.length > 0 && (
              <Card size="small" style={{ marginBottom: 16 }}>
                <ExtrasFields def={def} extras={extras} onChange={setExtras} />
              </Card>
            )}
            {/* Room for the fixed score bar on a phone. */}
            {!screens.lg && <div style={{ height: 72 }} />}
          </Col>
        </>
      )}
      {!def && (
        <Col xs={24}>
          <Typography.Text type="secondary">{t('assess.instrument')}</Typography.Text>
        </Col>
      )}
      {confirming && (
        <ResultModal
          result={confirming}
          currentLevel={r.careLevel}
          saving={saving}
          onCancel={() => setConfirming(null)}
          onSave={(l, why) => void save(l, why)}
        />
      )}
    </Row>
  );
}
