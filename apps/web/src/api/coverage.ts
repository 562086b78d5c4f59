// Visit coverage (覆盖率) and who is due a visit this week.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { coverageResponse, dueResponse } from '@wushe/core';
import { api } from './client.ts';

export type DueResponse = z.infer<typeof dueResponse>;
export type DueItem = DueResponse['items'][number];
export type CoverageResponse = z.infer<typeof coverageResponse>;
export type CoverageCell = CoverageResponse['area'];

export const coverageKeys = {
  all: ['coverage'] as const,
  at: (area: string | undefined, date: string) => ['coverage', area, date] as const,
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
