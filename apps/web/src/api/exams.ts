// The professional level exam (考试): sittings, a sitting's registrations with results, the
// import of an office's list with its per-row report, and the pass-rate statistics.
import { useQuery } from '@tanstack/react-query';
import type { ExamRegistration, ExamSitting, ExamStats, ImportReport } from '@wushe/core';
import { api, uploadRaw, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export const examKeys = { ...resourceKeys('exams'), sittings: ['exams', 'sittings'] as const, stats: ['exam-stats'] as const };

export const useSittings = () => useQuery({ queryKey: examKeys.sittings, queryFn: () => api.get<ExamSitting[]>('/exams') });

export const useRegistrations = (sittingId: string | undefined, q: Query) =>
  usePagedList<ExamRegistration>(examKeys, `/exams/${sittingId}/registrations`, q, !!sittingId);

const refresh = () => [examKeys.all, examKeys.stats];

export const useEnterResults = () =>
  useRefreshingMutation(
    (v: { id: string; results: { subject: string; score?: number | null; passed?: boolean }[]; version: number }) =>
      api.put<ExamRegistration>(`/exams/registrations/${v.id}/results`, { results: v.results, version: v.version }),
    refresh,
  );

export const useCertify = () =>
  useRefreshingMutation(
    (id: string) => api.post<ExamRegistration>(`/exams/registrations/${id}/certificate`),
    () => [examKeys.all, ['workers']],
  );

export const useImportExamList = (sittingId: string | undefined) =>
  useRefreshingMutation((file: File) => uploadRaw<ImportReport>(`/exams/${sittingId}/import`, {}, file), refresh);

export const useExamStats = (q: { area?: string; year?: number; level?: string }) =>
  useQuery({ queryKey: [...examKeys.stats, q], queryFn: () => api.get<ExamStats>('/exams/stats', q) });
