// When a volunteer can serve: 任何时间 (null), or weekdays and a time of day (from–to, HH:MM).
// One form control, so the schema's errors under `availability` land on it.
import { Checkbox, Flex, Radio, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Availability } from '@wushe/core';
import { useI18n } from '../../i18n/index.tsx';
import { WEEKDAY_KEYS } from './tags.tsx';

type Value = Availability | null;

/** What a new choice of "指定时间" starts from: weekends, daytime. */
const DEFAULT: Availability = { weekdays: [6, 7], from: '08:00', to: '18:00' };

const toDayjs = (hhmm: string): Dayjs | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? dayjs().hour(Number(m[1])).minute(Number(m[2])).second(0) : null;
};

export function AvailabilityField({ value, onChange, id }: { value?: Value; onChange?: (v: Value) => void; id?: string }) {
  const { t } = useI18n();
  const set = (patch: Partial<Availability>) => value && onChange?.({ ...value, ...patch });
  return (
    <Flex vertical gap={8} id={id}>
      <Radio.Group
        value={value ? 'some' : 'any'}
        onChange={(e) => onChange?.(e.target.value === 'any' ? null : DEFAULT)}
        options={[
          { value: 'any', label: t('vol.anyTime') },
          { value: 'some', label: t('vol.someTimes') },
        ]}
      />
      {value && (
        <>
          <Checkbox.Group
            aria-label={t('vol.weekdays')}
            value={value.weekdays}
            onChange={(d) => set({ weekdays: [...d].sort((a, b) => a - b) })}
            options={WEEKDAY_KEYS.map((k, i) => ({ value: i + 1, label: t(k) }))}
          />
          <Flex gap={8} align="center" wrap>
            <TimePicker
              aria-label={t('vol.from')}
              format="HH:mm"
              minuteStep={15}
              needConfirm={false}
              allowClear={false}
              value={toDayjs(value.from)}
              onChange={(d) => set({ from: d ? d.format('HH:mm') : '' })}
              style={{ width: 120 }}
            />
            <span aria-hidden>–</span>
            <TimePicker
              aria-label={t('vol.to')}
              format="HH:mm"
              minuteStep={15}
              needConfirm={false}
              allowClear={false}
              value={toDayjs(value.to)}
              onChange={(d) => set({ to: d ? d.format('HH:mm') : '' })}
              style={{ width: 120 }}
            />
          </Flex>
        </>
      )}
    </Flex>
  );
}
