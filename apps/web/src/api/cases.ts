// Casework (个案): the list and the approval queue, a case, its timeline, and every move of the
// workflow. Each write answers the case as it is now: the hooks put it in the cache at once, then
// refresh the case, its timeline and the lists. A stale write (409) refreshes them too, so the
// page shows the case as someone else left it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseDetail,
  CaseEvent,
  CaseEventKind,
  CaseStage,
  CaseSummary,
  RiskLevel,
  caseClosureSubmit,
  caseCreate,
  caseDecision,
  caseNote,
  casePlanSave,
  caseProgress,
  caseReassign,
  caseTransition,
  caseUpdate,
} from '@wushe/core';
import type { z } from 'zod';
import { ApiError, api } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { CaseDetail, CaseEvent, CaseEventKind, CaseStage, CaseSummary, RiskLevel };

export interface CaseQuery {
  q?: string;
  /** A stage, or `open` (every stage but closed). */
  stage?: CaseStage | 'open';
  type?: string;
  risk?: RiskLevel;
  /** `me` (the caller's caseload) or a worker's id. */
  worker?: string;
  resident?: string;
  area?: string;
  /** The approval queue: what waits for the head's decision. */
  awaiting?: 'plan' | 'closure' | 'any';
  sort?: string;
  page?: number;
  pageSize?: number;
}

export const caseKeys = {
  ...resourceKeys('cases'),
  /** Every timeline query of a case (whatever its kind filter). */
  timelines: (id: string) => ['cases', 'timeline', id] as const,
  timeline: (id: string, kind?: CaseEventKind) => ['cases', 'timeline', id, kind ?? null] as const,
};

export const useCases = (q: CaseQuery, enabled = true) => usePagedList<CaseSummary>(caseKeys, '/cases', { ...q }, enabled);

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => api.get<CaseDetail>(`/cases/${id}`),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useCaseTimeline(id: string, kind?: CaseEventKind) {
  return useQuery({
    queryKey: caseKeys.timeline(id, kind),
    queryFn: () => api.get<{ items: CaseEvent[] }>(`/cases/${id}/timeline`, { kind }),
  });
}

/** The resident's satisfaction with the case (null until recorded). */
export function useCaseSatisfaction(id: string) {
  return useQuery({
    queryKey: ['cases', 'satisfaction', id] as const,
    queryFn: () => api.get<{ answer: { score: number; comment: string | null; at: string } | null }>(`/cases/${id}/satisfaction`),
  });
}

/** Recording it refreshes the answer and the timeline (a satisfaction event). */
export const useRateCase = (id: string) =>
  useRefreshingMutation(
    (body: { score: number; comment?: string }) => api.post<{ answer: unknown }>(`/cases/${id}/satisfaction`, body),
    () => [['cases', 'satisfaction', id], caseKeys.timelines(id)],
  );

/** Opening a case: the lists (the resident's profile lists theirs) learn of it. */
export const useOpenCase = () =>
  useRefreshingMutation(
    (body: z.input<typeof caseCreate>) => api.post<CaseDetail>('/cases', body),
    () => [caseKeys.lists()],
  );

/** A write to case `id` that answers the case: cached at once, then the case, timeline and lists refreshed. */
function useCaseWrite<B>(id: string, write: (body: B) => Promise<CaseDetail>) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([caseKeys.detail(id), caseKeys.timelines(id), caseKeys.lists()].map((queryKey) => qc.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn: write,
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(id), c);
      return refresh();
    },
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
}

export const useEditCase = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseUpdate>) => api.patch<CaseDetail>(`/cases/${id}`, body));

export const useMoveCase = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseTransition>) => api.post<CaseDetail>(`/cases/${id}/transition`, body));

export const useSavePlan = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof casePlanSave>) => api.put<CaseDetail>(`/cases/${id}/plan`, body));

export const useRecordProgress = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseProgress>) => api.post<CaseDetail>(`/cases/${id}/progress`, body));

export const useSubmitClosure = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseClosureSubmit>) => api.post<CaseDetail>(`/cases/${id}/closure`, body));

export const useDecideCase = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseDecision>) => api.post<CaseDetail>(`/cases/${id}/approvals`, body));

export const useReassignCase = (id: string) =>
  useCaseWrite(id, (body: z.input<typeof caseReassign>) => api.post<CaseDetail>(`/cases/${id}/worker`, body));

/** A note changes the timeline and the case's last activity (the lists' order). */
export const useAddCaseNote = (id: string) =>
  useRefreshingMutation(
    (body: z.input<typeof caseNote>) => api.post<{ ok: true }>(`/cases/${id}/notes`, body),
    () => [caseKeys.detail(id), caseKeys.timelines(id), caseKeys.lists()],
  );
