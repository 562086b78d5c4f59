// A list's first filters from the address (?worker=…&overdue=true), so a 工作台 figure opens
// the list behind it. Read once: afterwards the list's own state rules.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useUrlFilters(keys: readonly string[], numeric: readonly string[] = []): Record<string, string | number | boolean> {
  const [params] = useSearchParams();
  const [initial] = useState(() => {
    const out: Record<string, string | number | boolean> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v === null || v === '') continue;
      out[k] = numeric.includes(k) ? Number(v) : v;
    }
    return out;
  });
  return initial;
}
