// Follow-up tasks (跟进任务) issued by urgent screening flags.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUp } from '@wushe/core';
import { ApiError, api, type Query } from './client.ts';
import { dashboardKeys } from './dashboard.ts';
import type { Page } from './query.ts';
import { residentKeys } from './residents.ts';

/** A case's timelines (the key of api/cases.ts caseKeys.timelines; not imported: cases imports this file's neighbours). */
const CASE_TIMELINES = (id: string) => ['cases', 'timeline', id] as const;

export type { FollowUp };

export interface FollowUpQuery {
  status: 'open' | 'overdue' | 'done' | 'all';
  mine?: boolean;
  residentId?: string;
  /** A case's tasks. */
  caseId?: string;
  area?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
}

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (q: FollowUpQuery) => ['follow-ups', q] as const,
};

/** The list's query string (also the export's): `mine` only when set. */
export const followUpParams = (q: FollowUpQuery): Query => ({ ...q, mine: q.mine ? 'true' : undefined });

export function useFollowUps(q: FollowUpQuery, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.list(q),
    queryFn: () => api.get<Page<FollowUp>>('/follow-ups', followUpParams(q)),
    // Paging keeps the current page on screen while the next loads (never another resident's).
    placeholderData: q.residentId || q.caseId ? undefined : keepPreviousData,
    // Due times pass while the page is open: overdue shows without a reload.
    refetchInterval: 60_000,
    enabled,
  });
}

/**
 * Completing a task changes the task lists and the resident's profile (its open tasks). A 409
 * (someone else completed it meanwhile) refreshes them too, so the list shows it as it is now.
 */
export function useCompleteFollowUp(task: FollowUp) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all(
      [
        followUpKeys.all,
        residentKeys.detail(task.residentId),
        dashboardKeys.all,
        ...(task.caseId ? [CASE_TIMELINES(task.caseId)] : []),
      ].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
  return useMutation({
    mutationFn: (body: { outcome: string; contactId?: string | null }) => api.post<FollowUp>(`/follow-ups/${task.id}/complete`, body),
    onSuccess: refresh,
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}
