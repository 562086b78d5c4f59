// The workforce register (社工人才): workers, their certificates and titles, and the
// certification statistics with the posts requiring a certificate.
import { useQuery } from '@tanstack/react-query';
import type { Requirement, Worker, WorkerCertificate, WorkerDetail, WorkerTitle, WorkforceDashboard, WorkforceStats } from '@wushe/core';
import { api, type Query } from './client.ts';
import { resourceKeys, useEditedRecord, usePagedList, useRefreshingMutation } from './query.ts';

export const workerKeys = { ...resourceKeys('workers'), me: () => ['workers', 'me'] as const };
export const statsKeys = { all: ['workforce-stats'] as const, one: (q: Query) => ['workforce-stats', q] as const };

export const useWorkers = (q: Query) => usePagedList<Worker>(workerKeys, '/workers', q);

export const useWorker = (id: string | undefined) =>
  useQuery({ queryKey: workerKeys.detail(id), queryFn: () => api.get<WorkerDetail>(`/workers/${id}`), enabled: !!id });

export const useMyWorker = () =>
  useQuery({ queryKey: workerKeys.me(), queryFn: () => api.get<WorkerDetail>('/workers/me').catch(() => null) });

export const useWorkerEdit = (row: WorkerDetail | null) => useEditedRecord<WorkerDetail>(workerKeys, '/workers', row, [statsKeys.all]);

const refresh = () => [workerKeys.all, statsKeys.all];

export const useLeaveWorker = () =>
  useRefreshingMutation(
    (v: { id: string; leftOn: string; version: number }) => api.post<WorkerDetail>(`/workers/${v.id}/leave`, v),
    refresh,
  );

export const useSaveCertificate = (workerId: string, certId: string | null) =>
  useRefreshingMutation(
    (body: Record<string, unknown>) =>
      certId
        ? api.patch<WorkerCertificate>(`/workers/${workerId}/certificates/${certId}`, body)
        : api.post<WorkerCertificate>(`/workers/${workerId}/certificates`, body),
    refresh,
  );

export const useRemoveCertificate = (workerId: string) =>
  useRefreshingMutation(
    (c: { id: string; version: number }) => api.del<{ ok: true }>(`/workers/${workerId}/certificates/${c.id}?version=${c.version}`),
    refresh,
  );

export const useAddTitle = (workerId: string) =>
  useRefreshingMutation((body: Record<string, unknown>) => api.post<WorkerTitle>(`/workers/${workerId}/titles`, body), refresh);

export const useRemoveTitle = (workerId: string) =>
  useRefreshingMutation((id: string) => api.del<{ ok: true }>(`/workers/${workerId}/titles/${id}`), refresh);

export const useRevealWorker = () =>
  useRefreshingMutation(
    (v: { id: string; field: 'idNumber' | 'mobile'; reason: string }) =>
      api.post<{ field: string; value: string | null }>(`/workers/${v.id}/reveal`, { field: v.field, reason: v.reason }),
    () => [],
  );

export const useWorkforceStats = (q: { area?: string; date?: string }) =>
  useQuery({ queryKey: statsKeys.one(q), queryFn: () => api.get<WorkforceStats>('/workforce/stats', q) });

export const useCreateRequirement = () =>
  useRefreshingMutation(
    (body: Record<string, unknown>) => api.post<Requirement>('/workforce/requirements', body),
    () => [statsKeys.all],
  );

export const useRemoveRequirement = () =>
  useRefreshingMutation(
    (id: string) => api.del<{ ok: true }>(`/workforce/requirements/${id}`),
    () => [statsKeys.all],
  );

/** Links a register entry to a staff account, or unlinks it (userId null). */
export const useLinkWorker = () =>
  useRefreshingMutation(
    (v: { id: string; userId: string | null; version: number }) =>
      api.put<WorkerDetail>(`/workers/${v.id}/account`, { userId: v.userId, version: v.version }),
    refresh,
  );
export const useWorkforceDashboard = (q: { area?: string; asOf?: string }) =>
  useQuery({ queryKey: ['workforce-dashboard', q], queryFn: () => api.get<WorkforceDashboard>('/workforce/dashboard', q) });
