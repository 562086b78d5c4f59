// Service outputs (服务成效): an area's (or its workers') figures for a period, with months.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutputsResponse } from '@wushe/core';
import { api } from './client.ts';

export type { OutputsResponse };
export type OutputsRow = OutputsResponse['rows'][number];
export type OutputsFilter = { area?: string; from: string; to: string; by: 'area' | 'worker' };

export const outputsKeys = {
  all: ['outputs'] as const,
  of: (f: OutputsFilter) => ['outputs', f.area, f.from, f.to, f.by] as const,
};

export function useOutputs(f: OutputsFilter) {
  return useQuery({
    queryKey: outputsKeys.of(f),
    queryFn: () => api.get<OutputsResponse>('/outputs', f),
    placeholderData: keepPreviousData,
  });
}
