import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useOrg, useOrgs } from '../../api/orgs.ts';
import { useMe } from '../../api/session.ts';

export interface OrgSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Organisation select searching the server (`/orgs?pageSize=100&q=`) as one types. */
export function OrgSelect({ value, onChange, id, placeholder, style, ...rest }: OrgSelectProps) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const canRead = !!useMe().data?.permissions.includes('org.read');
  const orgs = useOrgs({ pageSize: 100, q: debounced || undefined, active: 'true' }, canRead);
  const items = orgs.data?.items ?? [];
  // The current value may be outside the first 100 results: fetch its name.
  const missing = value && !items.some((o) => o.id === value) ? value : undefined;
  const one = useOrg(missing, canRead);
  const options = items.map((o) => ({ value: o.id, label: o.name }));
  if (one.data && !options.some((o) => o.value === one.data.id)) options.unshift({ value: one.data.id, label: one.data.name });

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', ...style }}
      placeholder={placeholder}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={orgs.isFetching}
      showSearch={{ onSearch: setQ, filterOption: false, searchValue: q }}
      onOpenChange={(open) => !open && setQ('')}
    />
  );
}
