// Visit coverage (覆盖率) and who is due a visit this week.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { coverageBreakdownResponse, coverageResponse, dueResponse } from '@wushe/core';
import { api } from './client.ts';

export type DueResponse = z.infer<typeof dueResponse>;
export type DueItem = DueResponse['items'][number];
export type CoverageResponse = z.infer<typeof coverageResponse>;
export type CoverageCell = CoverageResponse['area'];
export type CoverageBreakdown = z.infer<typeof coverageBreakdownResponse>;
export type BreakdownRow = CoverageBreakdown['byCareLevel'][number];

export const coverageKeys = {
  all: ['coverage'] as const,
  at: (area: string | undefined, date: string) => ['coverage', area, date] as const,
  breakdown: (area: string | undefined, date: string) => ['coverage', 'breakdown', area, date] as const,
  /** Every due list: contacts, residents, assessments and visit intervals change it. */
  allDue: ['due'] as const,
  due: (scope: 'me' | 'all') => ['due', scope] as const,
};

export function useDue(scope: 'me' | 'all', enabled = true) {
  return useQuery({ queryKey: coverageKeys.due(scope), queryFn: () => api.get<DueResponse>('/due', { scope, days: 7 }), enabled });
}

export function useCoverage(area: string | undefined, date: string) {
  return useQuery({
    queryKey: coverageKeys.at(area, date),
    queryFn: () => api.get<CoverageResponse>('/coverage', { area, date }),
    placeholderData: keepPreviousData,
  });
}

export function useCoverageBreakdown(area: string | undefined, date: string) {
  return useQuery({
    queryKey: coverageKeys.breakdown(area, date),
    queryFn: () => api.get<CoverageBreakdown>('/coverage/breakdown', { area, date }),
    placeholderData: keepPreviousData,
  });
}

/** Who a coverage figure counts: the resident list's filter behind it (the same computation server-side). */
export type CoverageKind = 'registered' | 'covered' | 'uncovered' | 'overdue';

/** The resident list filtered to exactly the residents a coverage figure counts. */
export function coverageListPath(area: string, date: string, kind: CoverageKind, more: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({
    area,
    coverage: kind,
    asOf: date,
    ...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, String(v)])),
  });
  return `/residents?${q.toString()}`;
}
