// Residents of the caller's scope found by name (or the last digits of the ID), several at once
// or, with `single`, one.
import { useState } from 'react';
import { Select } from 'antd';
import type { ResidentSummary } from '@wushe/core';
import { searchResidents } from '../../api/residents.ts';
import { useI18n } from '../../i18n/index.tsx';

type Props =
  | { single?: false; value?: string[]; onChange?: (ids: string[]) => void; id?: string; 'aria-label'?: string }
  | { single: true; value?: string; onChange?: (id: string | undefined) => void; id?: string; 'aria-label'?: string };

export function ResidentPicker(props: Props) {
  const { value, id } = props;
  const { t } = useI18n();
  const [options, setOptions] = useState<ResidentSummary[]>([]);
  const [chosen, setChosen] = useState<ResidentSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const search = async (q: string) => {
    if (!q.trim()) return setOptions([]);
    setSearching(true);
    try {
      setOptions((await searchResidents(q.trim())).items);
    } finally {
      setSearching(false);
    }
  };
  // Keep the names of those already picked when a new search replaces the options.
  const all = [...chosen, ...options.filter((o) => !chosen.some((c) => c.id === o.id))];
  const change = (picked: string | string[] | undefined) => {
    const ids = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
    setChosen(all.filter((r) => ids.includes(r.id)));
    if (props.single) props.onChange?.(ids[0]);
    else props.onChange?.(ids);
  };
  return (
    <Select<string | string[]>
      id={id}
      aria-label={props['aria-label']}
      mode={props.single ? undefined : 'multiple'}
      allowClear={props.single}
      value={value}
      filterOption={false}
      showSearch={{ onSearch: (q) => void search(q) }}
      loading={searching}
      placeholder={t('gr.residentSearch')}
      onChange={change}
      options={all.map((r) => ({ value: r.id, label: `${r.name}（${r.idMasked}）` }))}
    />
  );
}
