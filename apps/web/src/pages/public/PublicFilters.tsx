// The public lists' filters on a phone: a large search box, then two pickers side by side
// (area and a second filter), each labelled for screen readers. Used by /p/jobs and /p/wishes.
import { Input, Select, Space } from 'antd';

export interface PublicPicker {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  options: { value: string; label: string }[];
}

/** The areas (code, name) of the items a public list shows, sorted by code. */
export const areasOf = (items: readonly { areaCode: string; areaName: string }[]): [string, string][] =>
  [...new Map(items.map((x) => [x.areaCode, x.areaName])).entries()].sort(([a], [b]) => a.localeCompare(b));

export function PublicFilters({
  searchLabel,
  onSearch,
  pickers,
}: {
  searchLabel: string;
  onSearch: (q: string | undefined) => void;
  pickers: [PublicPicker, PublicPicker];
}) {
  return (
    <>
      <Input.Search
        size="large"
        allowClear
        aria-label={searchLabel}
        placeholder={searchLabel}
        onSearch={(v) => onSearch(v.trim() || undefined)}
      />
      <Space.Compact block>
        {pickers.map((p) => (
          <Select
            key={p.label}
            size="large"
            style={{ width: '50%' }}
            aria-label={p.label}
            placeholder={p.placeholder}
            allowClear
            value={p.value}
            onChange={p.onChange}
            options={p.options}
          />
        ))}
      </Space.Compact>
    </>
  );
}
