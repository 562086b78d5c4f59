// The form that drafts a reward or subsidy policy: kind, area, budget and the amounts in yuan
// (sent in fen), the application period, and the eligibility rules the register checks.
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CERT_KIND_LABELS,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  SW_LEVELS,
  TITLE_KIND_LABELS,
  TITLE_KINDS,
  policyCreateBody,
  type Policy,
} from '@wushe/core';
import { useCreatePolicy } from '../../api/subsidies.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = {
  kind: 'reward' | 'subsidy';
  title: string;
  description?: string;
  areaCode: string;
  year: number;
  budgetYuan: number;
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
  mode: 'fixed' | 'byLevel';
  fixedYuan?: number;
  levelYuan?: Partial<Record<'assistant' | 'intermediate' | 'senior', number>>;
  minLevel?: string;
  registrationCurrent?: boolean;
  minYearsInField?: number;
  minYearsInArea?: number;
  arrivedWithinMonths?: number;
  titlesAny?: string[];
};

const fen = (yuan: number | undefined | null) => (yuan == null ? undefined : Math.round(yuan * 100));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function toInput(v: Values) {
  const levels = Object.fromEntries(SW_LEVELS.flatMap((l) => (v.levelYuan?.[l] == null ? [] : [[l, fen(v.levelYuan[l])]])));
  return {
    kind: v.kind,
    title: v.title,
    description: v.description,
    areaCode: v.areaCode,
    year: v.year,
    budgetFen: fen(v.budgetYuan) ?? 0,
    opensOn: day(v.opensOn),
    closesOn: day(v.closesOn),
    rules: {
      minLevel: v.minLevel ?? null,
      registrationCurrent: v.registrationCurrent ?? null,
      minYearsInField: v.minYearsInField ?? null,
      minYearsInArea: v.minYearsInArea ?? null,
      arrivedWithinMonths: v.arrivedWithinMonths ?? null,
      titlesAny: v.titlesAny?.length ? v.titlesAny : null,
    },
    amount: v.mode === 'fixed' ? { mode: 'fixed', fen: fen(v.fixedYuan) ?? 0 } : { mode: 'byLevel', fen: levels },
  };
}

export function PolicyForm({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Policy) => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useCreatePolicy();
  const mode = Form.useWatch('mode', form);
  return (
    <FormDrawer
      title={t('sb.new')}
      form={form}
      schema={policyCreateBody}
      toInput={toInput}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ kind: 'reward', year: dayjs().year(), mode: 'byLevel', opensOn: dayjs(), closesOn: dayjs().add(2, 'month') }}
    >
      <Form.Item name="kind" label={t('sb.kind')}>
        <Select options={POLICY_KINDS.map((k) => ({ value: k, label: label(POLICY_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('sb.title')} required>
        <Input />
      </Form.Item>
      <Form.Item name="areaCode" label={t('sb.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="year" label={t('sb.year')}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="budgetYuan" label={t('sb.budget')} required>
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="opensOn" label={t('sb.opensOn')} required>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="closesOn" label={t('sb.closesOn')} required>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('sb.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="mode" label={t('sb.amountMode')}>
        <Select
          options={[
            { value: 'byLevel', label: t('sb.byLevel') },
            { value: 'fixed', label: t('sb.fixed') },
          ]}
        />
      </Form.Item>
      {mode === 'fixed' ? (
        <Form.Item name="fixedYuan" label={t('sb.fixedYuan')} required>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
      ) : (
        SW_LEVELS.map((l) => (
          <Form.Item key={l} name={['levelYuan', l]} label={t('sb.levelYuan', { level: label(CERT_KIND_LABELS[l]) })}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
        ))
      )}
      <Form.Item name="minLevel" label={t('sb.minLevel')}>
        <Select allowClear options={SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="registrationCurrent" valuePropName="checked">
        <Checkbox>{t('sb.registrationCurrent')}</Checkbox>
      </Form.Item>
      <Form.Item name="minYearsInField" label={t('sb.minYearsInField')}>
        <InputNumber min={0} max={50} />
      </Form.Item>
      <Form.Item name="minYearsInArea" label={t('sb.minYearsInArea')}>
        <InputNumber min={0} max={50} />
      </Form.Item>
      <Form.Item name="arrivedWithinMonths" label={t('sb.arrivedWithinMonths')}>
        <InputNumber min={1} max={120} />
      </Form.Item>
      <Form.Item name="titlesAny" label={t('sb.titlesAny')}>
        <Select mode="multiple" allowClear options={TITLE_KINDS.map((k) => ({ value: k, label: label(TITLE_KIND_LABELS[k]) }))} />
      </Form.Item>
    </FormDrawer>
  );
}
