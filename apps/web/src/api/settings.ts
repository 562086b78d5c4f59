// Settings: code lists (代码表) and visit intervals (走访频次).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CODE_LISTS, VisitIntervals } from '@wushe/core';
import type { z } from 'zod';
import type { codeListEntry } from '@wushe/core';
import { useI18n } from '../i18n/index.tsx';
import { api } from './client.ts';
import { useRefreshingMutation } from './query.ts';
import { coverageKeys } from './coverage.ts';
import { residentKeys } from './residents.ts';

export type CodeListEntry = z.infer<typeof codeListEntry>;
export type CodeListName = (typeof CODE_LISTS)[number];

export const settingsKeys = {
  codeList: (list: CodeListName) => ['code-lists', list] as const,
  visitIntervals: () => ['settings', 'visit-intervals'] as const,
};

export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: settingsKeys.codeList(list),
    queryFn: () => api.get<{ items: CodeListEntry[] }>('/code-lists', { list }),
    staleTime: 10 * 60_000,
  });
}

/** Options and a code → label lookup for a code list, in the current language. */
export function useCodeLabels(list: CodeListName) {
  const { label } = useI18n();
  const q = useCodeList(list);
  const items = q.data?.items ?? [];
  const labelOf = (code: string | null | undefined) => {
    if (!code) return '';
    const e = items.find((i) => i.code === code);
    return e ? label({ zh: e.labelZh, en: e.labelEn }) : code;
  };
  const options = items
    .filter((i) => i.active)
    .sort((a, b) => a.sort - b.sort)
    .map((i) => ({ value: i.code, label: label({ zh: i.labelZh, en: i.labelEn }) }));
  return { labelOf, options, loading: q.isPending };
}

export function useSaveCodeList(list: CodeListName) {
  return useRefreshingMutation(
    (items: CodeListEntry[]) => api.put<unknown>(`/code-lists/${list}`, { items }),
    () => [settingsKeys.codeList(list)],
  );
}

export function useVisitIntervals() {
  return useQuery({
    queryKey: settingsKeys.visitIntervals(),
    queryFn: () => api.get<VisitIntervals>('/settings/visit-intervals'),
    staleTime: 10 * 60_000,
  });
}

/** New intervals move every resident's next due date (lists, profiles, the due list). */
export function useSaveVisitIntervals() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitIntervals) => api.put<VisitIntervals>('/settings/visit-intervals', body),
    onSuccess: (saved, body) => {
      qc.setQueryData(settingsKeys.visitIntervals(), saved ?? body);
      void qc.invalidateQueries({ queryKey: residentKeys.all });
      void qc.invalidateQueries({ queryKey: coverageKeys.allDue });
    },
  });
}
