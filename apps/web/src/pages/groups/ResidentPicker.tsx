// Residents of the caller's scope found by name (or the last digits of the ID), several at once.
import { useState } from 'react';
import { Select } from 'antd';
import type { ResidentSummary } from '@wushe/core';
import { searchResidents } from '../../api/residents.ts';
import { useI18n } from '../../i18n/index.tsx';

export function ResidentPicker({ value, onChange, id }: { value?: string[]; onChange?: (ids: string[]) => void; id?: string }) {
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
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      filterOption={false}
      showSearch={{ onSearch: (q) => void search(q) }}
      loading={searching}
      placeholder={t('gr.residentSearch')}
      onChange={(ids: string[]) => {
        setChosen(all.filter((r) => ids.includes(r.id)));
        onChange?.(ids);
      }}
      options={all.map((r) => ({ value: r.id, label: `${r.name}（${r.idMasked}）` }))}
    />
  );
}
