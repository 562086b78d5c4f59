// One instrument item (Radio group / Checkbox group / TextArea) and the extras inputs.
import { Checkbox, Input, InputNumber, Radio, Space, Typography } from 'antd';
import type { AssessmentAnswers, AssessmentExtras, InstrumentDefinition, InstrumentItem } from '@wushe/core';
import { useI18n } from '../../i18n/index.tsx';

type Answer = AssessmentAnswers[string] | undefined;

export function ItemField({
  item,
  index,
  value,
  onChange,
  missing,
}: {
  item: InstrumentItem;
  index: number;
  value: Answer;
  onChange: (v: Answer) => void;
  missing: boolean;
}) {
  const { label } = useI18n();
  const id = `item-${item.code}`;
  const long = item.options.some((o) => label(o.label).length > 10);
  const withScore = (o: InstrumentItem['options'][number]) => `${label(o.label)}（${o.score}）`;
  return (
    <div role="group" aria-labelledby={id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Text strong id={id} type={missing ? 'warning' : undefined}>
        {index}. {label(item.text)}
      </Typography.Text>
      <div style={{ marginTop: 6 }}>
        {item.type === 'single' && (
          <Radio.Group
            aria-labelledby={id}
            value={value as string | undefined}
            onChange={(e) => onChange(e.target.value as string)}
            style={long ? { display: 'flex', flexDirection: 'column', gap: 6 } : undefined}
            options={item.options.map((o) => ({ value: o.value, label: withScore(o) }))}
          />
        )}
        {item.type === 'multi' && (
          <Checkbox.Group
            aria-labelledby={id}
            value={(value as string[] | undefined) ?? []}
            onChange={(v) => onChange(v as string[])}
            options={item.options.map((o) => ({ value: o.value, label: label(o.label) }))}
          />
        )}
        {item.type === 'text' && (
          <Input.TextArea
            aria-labelledby={id}
            rows={2}
            maxLength={1000}
            value={(value as string | undefined) ?? ''}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
        )}
      </div>
    </div>
  );
}

export function ExtrasFields({
  def,
  extras,
  onChange,
}: {
  def: InstrumentDefinition;
  extras: AssessmentExtras;
  onChange: (e: AssessmentExtras) => void;
}) {
  const { label } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {def.extras.map((x) => {
        const id = `extra-${x.code}`;
        const cur = extras[x.code];
        return (
          <div key={x.code} role="group" aria-labelledby={id}>
            <Typography.Text strong id={id}>
              {label(x.label)}
            </Typography.Text>
            <div style={{ marginTop: 6 }}>
              {x.type === 'multi' ? (
                <Checkbox.Group
                  value={Array.isArray(cur) ? cur : []}
                  onChange={(v) => onChange({ ...extras, [x.code]: v as string[] })}
                  options={x.options.map((o) => ({ value: o.value, label: label(o.label) }))}
                />
              ) : (
                <Space wrap>
                  {x.options.map((o) => {
                    const counts = cur && !Array.isArray(cur) ? cur : {};
                    return (
                      <label key={o.value} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                        {label(o.label)}
                        <InputNumber
                          min={0}
                          max={99}
                          size="small"
                          style={{ width: 64 }}
                          value={counts[o.value] ?? 0}
                          onChange={(n) => onChange({ ...extras, [x.code]: { ...counts, [o.value]: Number(n ?? 0) } })}
                        />
                      </label>
                    );
                  })}
                </Space>
              )}
            </div>
          </div>
        );
      })}
    </Space>
  );
}
