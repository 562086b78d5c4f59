// Talent programmes and awards (人才选拔、评优表彰): the list, one programme, its applicants,
// decisions, panel, objections and plans; the public 公示 page and its objection.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Application, Programme, myPanel, objection, publicProgramme } from '@wushe/core';
import type { z } from 'zod';
import { api, request, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { Application, Programme };
export type Objection = z.infer<typeof objection>;
export type MyPanel = z.infer<typeof myPanel>;
export type PublicProgramme = z.infer<typeof publicProgramme>;

export const programmeKeys = resourceKeys('programmes');
const refresh = () => [programmeKeys.all];

export const useProgrammes = (q: Query) => usePagedList<Programme>(programmeKeys, '/programmes', q);
export const useProgramme = (id: string) =>
  useQuery({ queryKey: programmeKeys.detail(id), queryFn: () => api.get<Programme>(`/programmes/${id}`) });
export const useApplications = (id: string, q: Query, enabled: boolean) =>
  useQuery({
    queryKey: [...programmeKeys.detail(id), 'applications', q],
    queryFn: () => api.get<{ items: Application[]; total: number }>(`/programmes/${id}/applications`, q),
    enabled,
  });
export const useObjections = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...programmeKeys.detail(id), 'objections'],
    queryFn: () => api.get<Objection[]>(`/programmes/${id}/objections`),
    enabled,
  });
export const useMyPanel = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...programmeKeys.detail(id), 'panel'],
    queryFn: () => api.get<MyPanel>(`/programmes/${id}/panel/mine`),
    enabled,
    retry: false,
  });

export const useCreateProgramme = () =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Programme>('/programmes', b), refresh);
export const useAdvance = (id: string) =>
  useRefreshingMutation((b: { to: string; version: number }) => api.post<Programme>(`/programmes/${id}/advance`, b), refresh);
export const useApply = (id: string) =>
  useRefreshingMutation((b: { statement?: string }) => api.post<Application>(`/programmes/${id}/apply`, b), refresh);
export const useDecide = (id: string) =>
  useRefreshingMutation(
    (b: { appId: string; decision: 'pass' | 'reject'; reason?: string; version: number }) =>
      api.post<Application>(`/programmes/${id}/applications/${b.appId}/decision`, {
        decision: b.decision,
        reason: b.reason,
        version: b.version,
      }),
    refresh,
  );
export const useWrittenScores = (id: string) =>
  useRefreshingMutation(
    (b: { scores: { applicationId: string; score: number }[] }) => api.put<{ saved: number }>(`/programmes/${id}/written-scores`, b),
    refresh,
  );
export const useSetPanel = (id: string) =>
  useRefreshingMutation((b: { userIds: string[]; version: number }) => api.put<Programme>(`/programmes/${id}/panel`, b), refresh);
export const useScore = (id: string) =>
  useRefreshingMutation(
    (b: { appId: string; scores: Record<string, number> }) =>
      api.put(`/programmes/${id}/applications/${b.appId}/score`, { scores: b.scores }),
    refresh,
  );
export const useAnswer = (id: string) =>
  useRefreshingMutation(
    (b: { objectionId: string; answer: string }) =>
      api.post<Objection>(`/programmes/${id}/objections/${b.objectionId}/answer`, { answer: b.answer }),
    refresh,
  );

export const usePublicProgramme = (id: string) =>
  useQuery({ queryKey: ['public-programme', id], queryFn: () => request<PublicProgramme>('GET', `/public/programmes/${id}`) });
export const useRequestObjectionCode = () =>
  useMutation({ mutationFn: (mobile: string) => request('POST', '/public/account/code', { body: { mobile, purpose: 'objection' } }) });
export const useLodgeObjection = (id: string) =>
  useMutation({
    mutationFn: (body: { name: string; mobile: string; code: string; text: string }) =>
      request<{ id: string }>('POST', `/public/programmes/${id}/objections`, { body }),
  });
