// Community activities (社区活动): the list, an activity, its attendance and satisfaction. Every
// write answers what it changed; the hooks refresh the activity, its attendance and the lists
// (sign-up and present counts show on the list). A stale write (409) refreshes them too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityDetail,
  ActivityStatus,
  ActivitySummary,
  AttendanceList,
  AttendanceRowView,
  SatisfactionList,
  activityCreate,
  activityStatusChange,
  activityUpdate,
  attendanceAction,
  satisfactionRecord,
} from '@wushe/core';
import type { z } from 'zod';
import { ApiError, api } from './client.ts';
import { resourceKeys, usePagedList } from './query.ts';

export type { ActivityDetail, ActivityStatus, ActivitySummary, AttendanceList, AttendanceRowView, SatisfactionList };

export interface ActivityQuery {
  q?: string;
  status?: ActivityStatus;
  from?: string;
  to?: string;
  mine?: boolean;
  area?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export const activityKeys = {
  ...resourceKeys('activities'),
  attendance: (id: string) => ['activities', 'attendance', id] as const,
  satisfaction: (id: string) => ['activities', 'satisfaction', id] as const,
};

export const useActivities = (q: ActivityQuery) =>
  usePagedList<ActivitySummary>(activityKeys, '/activities', { ...q, mine: q.mine ? 'true' : undefined });

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: () => api.get<ActivityDetail>(`/activities/${id}`),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useAttendance(id: string, refetchInterval?: number) {
  return useQuery({
    queryKey: activityKeys.attendance(id),
    queryFn: () => api.get<AttendanceList>(`/activities/${id}/attendance`),
    // Phones check in without this page: always read it fresh.
    staleTime: 0,
    refetchInterval,
  });
}

export function useActivitySatisfaction(id: string) {
  return useQuery({
    queryKey: activityKeys.satisfaction(id),
    queryFn: () => api.get<SatisfactionList>(`/activities/${id}/satisfaction`),
    staleTime: 0,
  });
}

/** A write to activity `id`: the activity, its attendance, satisfaction and the lists are refreshed. */
function useActivityWrite<B, R>(id: string, write: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all(
      [activityKeys.detail(id), activityKeys.attendance(id), activityKeys.satisfaction(id), activityKeys.lists()].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
  return useMutation({
    mutationFn: write,
    onSuccess: () => refresh(),
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof activityCreate>) => api.post<ActivityDetail>('/activities', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.lists() }),
  });
}

export const useEditActivity = (id: string) =>
  useActivityWrite(id, (body: z.input<typeof activityUpdate>) => api.patch<ActivityDetail>(`/activities/${id}`, body));

export const useActivityStatus = (id: string) =>
  useActivityWrite(id, (body: z.input<typeof activityStatusChange>) => api.post<ActivityDetail>(`/activities/${id}/status`, body));

export const useChangeAttendance = (id: string) =>
  useActivityWrite(id, (body: z.input<typeof attendanceAction>) => api.post<AttendanceList>(`/activities/${id}/attendance`, body));

export const useRecordSatisfaction = (id: string) =>
  useActivityWrite(id, (body: z.input<typeof satisfactionRecord>) => api.post<SatisfactionList>(`/activities/${id}/satisfaction`, body));
