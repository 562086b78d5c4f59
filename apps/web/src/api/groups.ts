// Groups (小组): the list, a group with its members, sessions and satisfaction, and every write.
// A write refreshes the group (its counts), the part it changed and the lists; a stale write
// (409) refreshes them too, so the page shows what someone else left.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  GroupDetail,
  GroupMember,
  GroupSatisfaction,
  GroupSession,
  GroupStatus,
  GroupSummary,
  groupCreate,
  groupSatisfactionBody,
  groupUpdate,
  memberAdd,
  sessionChange,
  sessionPlan,
  sessionRecord,
} from '@wushe/core';
import type { z } from 'zod';
import { ApiError, api } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { GroupDetail, GroupMember, GroupSatisfaction, GroupSession, GroupStatus, GroupSummary };

export interface GroupQuery {
  q?: string;
  type?: string;
  status?: GroupStatus;
  /** `me` (the caller's groups) or a worker's id. */
  worker?: string;
  resident?: string;
  area?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export const groupKeys = {
  ...resourceKeys('groups'),
  members: (id: string) => ['groups', 'members', id] as const,
  sessions: (id: string) => ['groups', 'sessions', id] as const,
  satisfaction: (id: string) => ['groups', 'satisfaction', id] as const,
};

export const useGroups = (q: GroupQuery, enabled = true) => usePagedList<GroupSummary>(groupKeys, '/groups', { ...q }, enabled);

export const useGroup = (id: string | undefined) =>
  useQuery({ queryKey: groupKeys.detail(id), queryFn: () => api.get<GroupDetail>(`/groups/${id}`), enabled: !!id, staleTime: 0 });

export const useGroupMembers = (id: string) =>
  useQuery({ queryKey: groupKeys.members(id), queryFn: () => api.get<{ items: GroupMember[] }>(`/groups/${id}/members`) });

export const useGroupSessions = (id: string) =>
  useQuery({ queryKey: groupKeys.sessions(id), queryFn: () => api.get<{ items: GroupSession[] }>(`/groups/${id}/sessions`) });

export const useGroupSatisfaction = (id: string) =>
  useQuery({ queryKey: groupKeys.satisfaction(id), queryFn: () => api.get<GroupSatisfaction>(`/groups/${id}/satisfaction`) });

export const useCreateGroup = () =>
  useRefreshingMutation(
    (body: z.input<typeof groupCreate>) => api.post<GroupDetail>('/groups', body),
    () => [groupKeys.lists()],
  );

/** A write to group `id`: refreshes the group, the given parts and the lists, on success and on 409. */
function useGroupWrite<B, R>(id: string, write: (body: B) => Promise<R>, parts: (id: string) => QueryKey[]) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([groupKeys.detail(id), groupKeys.lists(), ...parts(id)].map((queryKey) => qc.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn: write,
    onSuccess: () => refresh(),
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}

export const useEditGroup = (id: string) =>
  useGroupWrite(
    id,
    (body: z.input<typeof groupUpdate>) => api.patch<GroupDetail>(`/groups/${id}`, body),
    () => [],
  );

export const useAddMembers = (id: string) =>
  useGroupWrite(
    id,
    (body: z.input<typeof memberAdd>) => api.post<{ items: GroupMember[] }>(`/groups/${id}/members`, body),
    (g) => [groupKeys.members(g)],
  );

export const useMemberLeaves = (id: string) =>
  useGroupWrite(
    id,
    (memberId: string) => api.post<{ items: GroupMember[] }>(`/groups/${id}/members/${memberId}/leave`, {}),
    (g) => [groupKeys.members(g)],
  );

export const useAddSession = (id: string) =>
  useGroupWrite(
    id,
    (body: z.input<typeof sessionPlan>) => api.post<GroupSession>(`/groups/${id}/sessions`, body),
    (g) => [groupKeys.sessions(g)],
  );

export const useChangeSession = (id: string) =>
  useGroupWrite(
    id,
    ({ sid, ...body }: z.input<typeof sessionChange> & { sid: string }) => api.patch<GroupSession>(`/groups/${id}/sessions/${sid}`, body),
    (g) => [groupKeys.sessions(g)],
  );

export const useRecordSession = (id: string) =>
  useGroupWrite(
    id,
    ({ sid, ...body }: z.input<typeof sessionRecord> & { sid: string }) =>
      api.post<GroupSession>(`/groups/${id}/sessions/${sid}/record`, body),
    (g) => [groupKeys.sessions(g), groupKeys.members(g)],
  );

export const useRateGroup = (id: string) =>
  useGroupWrite(
    id,
    (body: z.input<typeof groupSatisfactionBody>) => api.post<GroupSatisfaction>(`/groups/${id}/satisfaction`, body),
    (g) => [groupKeys.satisfaction(g)],
  );
