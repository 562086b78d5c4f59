// 开案 from a resident's profile or from an urgent follow-up (type, risk, presenting problem; the
// worker in charge is the caller unless a head names another of the station), and editing a
// case's facts.
import { Form, Input, Radio, Select, Typography } from 'antd';
import { RISK_LEVELS, caseCreate, caseUpdate } from '@wushe/core';
import { useAssignableWorkers } from '../../api/assign.ts';
import { useEditCase, useOpenCase, type CaseDetail, type RiskLevel } from '../../api/cases.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCaseRights } from './tags.tsx';

interface Values {
  type?: string;
  riskLevel?: RiskLevel;
  problem?: string;
  workerId?: string;
}

/** Type, risk and (when it may be read) the presenting problem: the fields both forms share. */
function FactFields({ withProblem = true }: { withProblem?: boolean }) {
  const { t } = useI18n();
  const types = useCodeLabels('case_type');
  return (
    <>
      <Form.Item label={t('cs.col.type')} name="type" rules={[{ required: true, message: t('case.type') }]}>
        <Select options={types.options} loading={types.loading} placeholder={t('cs.pickType')} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -16, fontSize: 12 }}>
        {t('cs.sensitiveHint')}
      </Typography.Paragraph>
      <Form.Item label={t('cs.col.risk')} name="riskLevel" rules={[{ required: true, message: t('field.required') }]}>
        <Radio.Group optionType="button" options={RISK_LEVELS.map((r) => ({ value: r, label: t(`cs.risk.${r}`) }))} />
      </Form.Item>
      {withProblem && (
        <Form.Item label={t('cs.problem')} name="problem" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('cs.problemPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}

export function OpenCaseForm({
  resident,
  followUp,
  onClose,
  onOpened,
}: {
  resident: { id: string; name: string; areaCode: string };
  /** Opened from this follow-up of the resident (the case's timeline says so). */
  followUp?: { id: string; reason: string };
  onClose: () => void;
  onOpened: (c: CaseDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { canApprove } = useCaseRights();
  const workers = useAssignableWorkers(resident.areaCode, canApprove);
  const open = useOpenCase();

  return (
    <FormDrawer<Values, typeof caseCreate, CaseDetail>
      title={t('cs.openTitle', { name: resident.name })}
      form={form}
      schema={caseCreate}
      toInput={(v) => ({
        residentId: resident.id,
        type: v.type ?? '',
        riskLevel: v.riskLevel,
        problem: v.problem ?? '',
        workerId: v.workerId,
        followUpId: followUp?.id,
      })}
      save={open}
      saveText={t('cs.open')}
      savedText={t('cs.opened')}
      onSaved={onOpened}
      onClose={onClose}
      // From an urgent follow-up: high risk to start with, its reason as the problem's first line.
      initialValues={followUp ? { riskLevel: 'high', problem: followUp.reason } : { riskLevel: 'low' }}
    >
      {followUp && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('sv.fromFollowUp', { reason: followUp.reason })}
        </Typography.Paragraph>
      )}
      <FactFields />
      {canApprove ? (
        <Form.Item label={t('cs.col.worker')} name="workerId">
          <Select
            allowClear
            placeholder={t('cs.workerDefault')}
            loading={workers.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.displayName}（${w.username}）` }))}
          />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">
          {t('cs.col.worker')}: {t('cs.workerDefault')}
        </Typography.Paragraph>
      )}
    </FormDrawer>
  );
}

export function EditCaseForm({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const edit = useEditCase(c.id);
  const withProblem = !c.narrativeHidden;

  return (
    <FormDrawer<Values, typeof caseUpdate, CaseDetail>
      title={t('cs.editTitle', { no: c.caseNo })}
      form={form}
      schema={caseUpdate}
      // Only what changed; the problem of a hidden narrative is never sent.
      toInput={(v) => ({
        version: c.version,
        type: v.type !== c.type ? v.type : undefined,
        riskLevel: v.riskLevel !== c.riskLevel ? v.riskLevel : undefined,
        problem: withProblem && v.problem !== c.problem ? (v.problem ?? '') : undefined,
      })}
      save={edit}
      onClose={onClose}
      initialValues={{ type: c.type, riskLevel: c.riskLevel, problem: c.problem ?? undefined }}
    >
      <FactFields withProblem={withProblem} />
    </FormDrawer>
  );
}
