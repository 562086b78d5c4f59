// Service outputs (服务成效): an area's (or its workers') figures for a period, with months.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutputsResponse, VolunteeringOutputsResponse } from '@wushe/core';
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

export type { VolunteeringOutputsResponse };
export type VolunteeringRow = VolunteeringOutputsResponse['rows'][number];

/** 心愿与志愿成效: an area's wishes and volunteering for a period, by child area and month. */
export function useVolunteeringOutputs(f: { area?: string; from: string; to: string }) {
  return useQuery({
    queryKey: ['outputs', 'volunteering', f.area, f.from, f.to] as const,
    queryFn: () => api.get<VolunteeringOutputsResponse>('/outputs/volunteering', f),
    placeholderData: keepPreviousData,
  });
}
