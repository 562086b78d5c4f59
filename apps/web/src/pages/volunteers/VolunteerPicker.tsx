// One volunteer of the scope found by name, number or mobile (active ones by default): the team's
// "add a member" and the activity's "add a volunteer". A late answer never replaces a newer one.
import { useRef, useState } from 'react';
import { Select } from 'antd';
import { searchVolunteers, type Volunteer } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';

export function VolunteerPicker({
  value,
  onChange,
  exclude = [],
  id,
  style,
  'aria-label': ariaLabel,
}: {
  value?: string;
  onChange?: (id: string | undefined, v: Volunteer | undefined) => void;
  /** Already there (the team's members): not offered. */
  exclude?: string[];
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Volunteer[]>([]);
  const [searching, setSearching] = useState(false);
  // The one picked keeps its name when a new search replaces the options.
  const [chosen, setChosen] = useState<Volunteer>();
  const latest = useRef(0);

  const search = async (q: string) => {
    const n = ++latest.current;
    if (!q.trim()) return setOptions([]);
    setSearching(true);
    try {
      const res = await searchVolunteers(q.trim());
      if (n === latest.current) setOptions(res.items);
    } finally {
      if (n === latest.current) setSearching(false);
    }
  };
  const all = chosen && chosen.id === value ? [chosen, ...options.filter((o) => o.id !== chosen.id)] : options;
  const shown = all.filter((o) => o.id === value || !exclude.includes(o.id));
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear
      value={value}
      style={style}
      filterOption={false}
      showSearch={{ onSearch: (q) => void search(q) }}
      loading={searching}
      placeholder={t('vol.pickerPlaceholder')}
      notFoundContent={null}
      onChange={(picked) => {
        const v = all.find((o) => o.id === picked);
        setChosen(v);
        onChange?.(picked, v);
      }}
      options={shown.map((v) => ({ value: v.id, label: `${v.name}（${v.volunteerNo} · ${v.areaName}）` }))}
    />
  );
}
