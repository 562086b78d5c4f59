// 一呼百应 (call-outs): the list, one call-out with its needs and calls (read again every 10 s, as
// volunteers answer on their phones), creating one, the matcher's proposal and sending the calls.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Mobilisation, Proposal, matchReason, mobilisationSummary } from '@wushe/core';
import type { z } from 'zod';
import { api, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { Mobilisation, Proposal };
export type MobilisationSummary = z.infer<typeof mobilisationSummary>;
export type MobilisationNeed = Mobilisation['needs'][number];
export type MobilisationCall = MobilisationNeed['calls'][number];
export type MatchReason = z.infer<typeof matchReason>;

export const mobilisationKeys = resourceKeys('mobilisations');

/** How often an open call-out is read again: accepts and declines come from phones. */
export const MOBILISATION_REFRESH_MS = 10_000;

export const useMobilisations = (q: Query) => usePagedList<MobilisationSummary>(mobilisationKeys, '/mobilisations', q);

export const useMobilisation = (id: string | undefined) =>
  useQuery({
    queryKey: mobilisationKeys.detail(id),
    queryFn: () => api.get<Mobilisation>(`/mobilisations/${id}`),
    enabled: !!id,
    retry: false,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'closed' ? MOBILISATION_REFRESH_MS : false),
  });

export const useCreateMobilisation = () =>
  useRefreshingMutation(
    (b: Record<string, unknown>) => api.post<Mobilisation>('/mobilisations', b),
    () => [mobilisationKeys.all],
  );

/** The exact best assignment of the open places (a fresh answer each time: nothing cached). */
export const useProposeVolunteers = (id: string) =>
  useMutation({ mutationFn: () => api.post<Proposal>(`/mobilisations/${id}/proposals`, {}) });

export const useSendCalls = (id: string) =>
  useRefreshingMutation(
    (b: { calls: { needId: string; volunteerId: string }[] }) => api.post<Mobilisation>(`/mobilisations/${id}/calls`, b),
    () => [mobilisationKeys.all],
  );

/** Ends the call-out: calls still waiting expire (409 when stale or closed already). */
export const useCloseMobilisation = (id: string) =>
  useRefreshingMutation(
    (version: number) => api.post<Mobilisation>(`/mobilisations/${id}/close`, { version }),
    () => [mobilisationKeys.all],
  );
