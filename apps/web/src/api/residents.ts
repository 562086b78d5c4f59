// Residents (服务对象): list, profile, registration and edits, merge, reveal, and imports.
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ResidentDetail, ResidentSummary } from '@wushe/core';
import { assessmentKeys } from './assessments.ts';
import { contactKeys } from './contacts.ts';
import { coverageKeys } from './coverage.ts';
import { followUpKeys } from './followups.ts';
import { api, downloadFile, uploadRaw, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation, type Page } from './query.ts';

export type { ImportJob, ResidentDetail, ResidentSummary };
export interface DuplicateCandidate {
  id: string;
  name: string;
  idMasked: string;
  birthDate: string | null;
  areaName: string;
}
export type RevealField = 'idNumber' | 'phone' | 'healthNotes' | 'family';

export const residentKeys = { ...resourceKeys('residents'), importJob: (id: string | null) => ['residents', 'import', id] as const };

export const useResidents = (q: Query, enabled = true) => usePagedList<ResidentSummary>(residentKeys, '/residents', q, enabled);

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: residentKeys.detail(id),
    queryFn: () => api.get<ResidentDetail>(`/residents/${id}`),
    enabled: !!id,
    staleTime: 0,
  });
}

/** Residents matching a search, for pickers (merge target). */
export const searchResidents = (q: string) => api.get<Page<ResidentSummary>>('/residents', { q, pageSize: 20 });

/** Register (no id) or edit a resident; the due list depends on care levels and addresses. */
export function useSaveResident(id: string | undefined) {
  return useRefreshingMutation(
    (body: Record<string, unknown>) =>
      id ? api.patch<ResidentDetail>(`/residents/${id}`, body) : api.post<ResidentDetail>('/residents', body),
    () => [residentKeys.all, coverageKeys.allDue],
  );
}

export function useMergeResident(id: string) {
  return useRefreshingMutation(
    (body: { intoId: string; version: number; reason: string }) => api.post<unknown>(`/residents/${id}/merge`, body),
    () => [residentKeys.all, coverageKeys.allDue, followUpKeys.all, contactKeys.all, assessmentKeys.all],
  );
}

/** Reveals one sensitive field (audited); nothing cached changes. */
export const revealField = (residentId: string, field: RevealField, reason: string) =>
  api.post<{ field: RevealField; value: unknown }>(`/residents/${residentId}/reveal`, { field, reason });

/** An import job, polled every second until it is done or failed; a finished job refreshes the lists. */
export function useImportJob(id: string | null) {
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: residentKeys.importJob(id),
    queryFn: () => api.get<ImportJob>(`/residents/import/${id}`),
    enabled: !!id,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 1000;
    },
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'done') void qc.invalidateQueries({ queryKey: residentKeys.lists() });
  }, [status, qc]);
  return job;
}

export const startImport = (file: File, query: Query, contentType: string) =>
  uploadRaw<ImportJob>('/residents/import', { filename: file.name, ...query }, file, contentType);

/** Downloads an import's template or report (any API path). */
export const downloadImportFile = (path: string, name: string) => downloadFile(path, name);
