// What both outputs pages (服务成效, 心愿与志愿成效) share: the period picker with its presets
// (default the last twelve months, nothing after today) and the first column that opens a
// child area. The way back up the areas is components/AreaPath.tsx.
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Button, DatePicker, type TableColumnType } from 'antd';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

type Range = [Dayjs, Dayjs];

/** The period as state, with its ISO days for the query. */
export function usePeriod() {
  const today = businessToday();
  const [range, setRange] = useState<Range>([today.subtract(11, 'month').startOf('month'), today]);
  return { range, setRange, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
}

export function PeriodPicker({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  const { t } = useI18n();
  const today = businessToday();
  const presets = [
    { label: t('out.preset.month'), value: [today.startOf('month'), today] as Range },
    { label: t('out.preset.quarter'), value: [today.month(Math.floor(today.month() / 3) * 3).startOf('month'), today] as Range },
    { label: t('out.preset.year'), value: [today.startOf('year'), today] as Range },
    { label: t('out.preset.last12'), value: [today.subtract(11, 'month').startOf('month'), today] as Range },
  ];
  return (
    <DatePicker.RangePicker
      aria-label={t('out.period')}
      allowClear={false}
      value={value}
      presets={presets}
      disabledDate={(d) => d.isAfter(today, 'day')}
      onChange={(r) => r?.[0] && r[1] && onChange([r[0], r[1]])}
      style={{ maxWidth: '100%' }}
    />
  );
}

/** The table's first column: a row's name, a link that opens it when it can be drilled into. */
export function drillNameColumn<R extends { name: string; drill: boolean }>(title: string, onDrill: (row: R) => void): TableColumnType<R> {
  return {
    title,
    dataIndex: 'name',
    fixed: 'left',
    render: (name: string, row) =>
      row.drill ? (
        <Button type="link" style={{ padding: 0 }} onClick={() => onDrill(row)}>
          {name}
        </Button>
      ) : (
        name
      ),
  };
}
