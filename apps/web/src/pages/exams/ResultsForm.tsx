// Results of one registration: per subject sat, a score (the pass line decides) or pass/fail;
// carried subjects are shown, not entered. The server recomputes whether the level is passed.
import { Alert, Form, InputNumber, Select } from 'antd';
import { EXAM_SUBJECT_LABELS, examResultsBody, type ExamRegistration } from '@wushe/core';
import { useEnterResults } from '../../api/exams.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = Record<string, { score?: number | null; passed?: 'yes' | 'no' | null }>;

export function ResultsForm({ registration: r, onClose }: { registration: ExamRegistration; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const enter = useEnterResults();
  const save = {
    isPending: enter.isPending,
    mutate: (
      body: { results: { subject: string; score?: number | null; passed?: boolean }[]; version: number },
      opts: Parameters<typeof enter.mutate>[1] & object,
    ) => enter.mutate({ id: r.id, ...body }, opts as never),
  };
  const initial = Object.fromEntries(
    r.results.map((x) => [x.subject, { score: x.score, passed: x.score === null ? (x.passed ? 'yes' : 'no') : null }]),
  ) as Values;
  return (
    <FormDrawer<Values, typeof examResultsBody, ExamRegistration>
      title={`${t('ex.results')} · ${r.name}`}
      form={form}
      schema={examResultsBody}
      toInput={(v) => ({
        results: r.subjects
          .map((s) => ({ subject: s, score: v[s]?.score ?? null, ...(v[s]?.passed ? { passed: v[s]?.passed === 'yes' } : {}) }))
          .filter((x) => x.score !== null || 'passed' in x),
        version: r.version,
      })}
      save={save as never}
      onClose={onClose}
      initialValues={initial}
    >
      {r.carried.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${t('ex.carried')}：${r.carried.map((s) => label(EXAM_SUBJECT_LABELS[r.level][s]!)).join('、')}`}
        />
      )}
      {r.subjects.map((s) => (
        <Form.Item key={s} label={label(EXAM_SUBJECT_LABELS[r.level][s]!)} style={{ marginBottom: 8 }}>
          <Form.Item name={[s, 'score']} noStyle>
            <InputNumber
              aria-label={`${label(EXAM_SUBJECT_LABELS[r.level][s]!)} ${t('ex.score')}`}
              min={0}
              max={150}
              step={0.5}
              style={{ width: 120, marginRight: 8 }}
              placeholder={t('ex.score')}
            />
          </Form.Item>
          <Form.Item name={[s, 'passed']} noStyle>
            <Select
              aria-label={`${label(EXAM_SUBJECT_LABELS[r.level][s]!)} ${t('ex.outcome')}`}
              allowClear
              style={{ width: 120 }}
              placeholder={t('ex.outcome')}
              options={[
                { value: 'yes', label: t('ex.pass') },
                { value: 'no', label: t('ex.fail') },
              ]}
            />
          </Form.Item>
        </Form.Item>
      ))}
    </FormDrawer>
  );
}
