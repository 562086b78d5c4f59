// Supervision (督导): the sessions a head holds with a worker or a team, their follow-up actions,
// and the caseload the head works from. Recording a session or completing an action changes the
// sessions and the caseload (its overdue actions), so both are refreshed; a stale completion
// (409) refreshes the sessions too, so the page shows the action as someone else left it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseloadRow, SupervisionSession, supervisionCreate } from '@wushe/core';
import type { z } from 'zod';
import { ApiError, api } from './client.ts';
import { resourceKeys, usePagedList } from './query.ts';

export type { CaseloadRow, SupervisionSession };
export type SupervisionAction = SupervisionSession['actions'][number];

export interface SupervisionQuery {
  /** A worker's id: the sessions they took part in. */
  worker?: string;
  area?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const supervisionKeys = {
  ...resourceKeys('supervision'),
  /** Every caseload query (whatever its area). */
  caseloads: () => ['supervision', 'caseload'] as const,
  caseload: (area?: string) => ['supervision', 'caseload', area ?? null] as const,
};

export const useSupervisionSessions = (q: SupervisionQuery, enabled = true) =>
  usePagedList<SupervisionSession>(supervisionKeys, '/supervision', { ...q }, enabled);

export function useCaseload(area?: string, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.caseload(area),
    queryFn: () => api.get<{ items: CaseloadRow[] }>('/supervision/caseload', { area }),
    enabled,
  });
}

/** Sessions and the caseload (overdue actions) change with every write. */
function useSupervisionWrite<B>(write: (body: B) => Promise<SupervisionSession>) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: supervisionKeys.all });
  return useMutation({
    mutationFn: write,
    onSuccess: () => refresh(),
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}

export const useRecordSupervision = () =>
  useSupervisionWrite((body: z.input<typeof supervisionCreate>) => api.post<SupervisionSession>('/supervision', body));

/** 完成 for action `n` of a session (its worker, the supervisor or a head). */
export const useCompleteSupervisionAction = () =>
  useSupervisionWrite(({ id, n, version }: { id: string; n: number; version: number }) =>
    api.post<SupervisionSession>(`/supervision/${id}/actions/${n}/done`, { version }),
  );
