// The responsible worker (责任社工) and follow-ups made by hand (issue 8): assignable workers,
// bulk assignment, follow-up create and reassign, and marking every notification read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUp } from '@wushe/core';
import { ApiError, api, type Query } from './client.ts';
import { dashboardKeys } from './dashboard.ts';
import { followUpKeys } from './followups.ts';
import { notificationKeys } from './notifications.ts';
import { useRefreshingMutation, type Page } from './query.ts';
import { residentKeys } from './residents.ts';

export interface AssignableWorker {
  id: string;
  username: string;
  displayName: string;
  areaCode: string;
}
export interface AssignResult {
  workerId: string;
  workerName: string;
  matched: number;
  changed: number;
}

export const workerKeys = { assignable: (area?: string) => ['assignable-workers', area ?? null] as const };

/** Workers of the station serving `area` (the caller's own station without one). */
export function useAssignableWorkers(area?: string, enabled = true) {
  return useQuery({
    queryKey: workerKeys.assignable(area),
    queryFn: () => api.get<Page<AssignableWorker>>('/residents/assignable-workers', area ? { area } : {}),
    staleTime: 60_000,
    enabled,
  });
}

/** Assigns the selected ids, or all matching the list's filter (paging and sort left out). */
export function useAssignResidents() {
  return useRefreshingMutation(
    (body: { workerId: string; ids?: string[]; filter?: Query }) => api.post<AssignResult>('/residents/assign', body),
    () => [residentKeys.all, dashboardKeys.all],
  );
}

export function useCreateFollowUp() {
  return useRefreshingMutation(
    (body: { residentId: string; reason: string; dueAt: string; assignedTo?: string | null; caseId?: string }) =>
      api.post<FollowUp>('/follow-ups', body),
    (body) => [
      followUpKeys.all,
      residentKeys.detail(body.residentId),
      notificationKeys.all,
      dashboardKeys.all,
      ...(body.caseId ? [['cases', 'timeline', body.caseId] as const] : []),
    ],
  );
}

/** Like completing: a 409 (completed meanwhile) refreshes the lists too, so they show it as it is now. */
export function useReassignFollowUp(id: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([followUpKeys.all, dashboardKeys.all].map((queryKey) => qc.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn: (body: { assignedTo: string }) => api.post<FollowUp>(`/follow-ups/${id}/assign`, body),
    onSuccess: refresh,
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}

export function useMarkAllRead() {
  return useRefreshingMutation(
    () => api.post<unknown>('/notifications/read-all'),
    () => [notificationKeys.all],
  );
}
