// Areas (区划): the division tree (reference data) and the grids a station adds.
import { useQuery } from '@tanstack/react-query';
import type { Area } from '@wushe/core';
import { api } from './client.ts';
import { useRefreshingMutation, type Page } from './query.ts';

export const areaKeys = {
  all: ['areas'] as const,
  roots: () => ['areas', 'roots'] as const,
  detail: (code: string | undefined) => ['areas', 'one', code] as const,
};

export function useRootAreas() {
  return useQuery({ queryKey: areaKeys.roots(), queryFn: () => api.get<Page<Area>>('/areas'), staleTime: 10 * 60_000 });
}

export function useArea(code: string | undefined) {
  return useQuery({ queryKey: areaKeys.detail(code), queryFn: () => api.get<Area>(`/areas/${code}`), enabled: !!code });
}

// The tree loads children on demand (antd's loadData), outside the query cache.
export const fetchAreaChildren = (parent: string) => api.get<Page<Area>>('/areas', { parent, limit: 200 });
export const searchAreas = (q: string) => api.get<Page<Area>>('/areas', { q, limit: 50 });

export type GridCreate = { parentCode: string; name: string; suffix: string };

/** 新增网格: refreshes the area queries (the tree's own children are reloaded by the page). */
export function useCreateGrid() {
  return useRefreshingMutation(
    (body: GridCreate) => api.post<Area>('/areas/grids', body),
    () => [areaKeys.all],
  );
}
