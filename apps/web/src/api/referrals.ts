// Referrals (转介): a case's referrals and the referral to another organisation, the lists of
// those received and sent (for a head or a partner organisation), one referral with the case as
// the receiving side may read it, and the moves (decide, record an outside answer, withdraw or
// end). Every write refreshes the case, its timeline, its referrals and the referral lists.
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import type { Referral, ReferralStatus, ReferredCase, referralClose, referralCreate, referralDecision, referralOutcome } from '@wushe/core';
import type { z } from 'zod';
import { api } from './client.ts';
import { caseKeys } from './cases.ts';
import { notificationKeys } from './notifications.ts';
import { resourceKeys, usePagedList } from './query.ts';

export type { Referral, ReferralStatus, ReferredCase };

export interface ReferralTarget {
  id: string;
  name: string;
  kind: string;
  areaName: string;
}

export interface ReferralQuery {
  direction: 'incoming' | 'outgoing';
  status?: ReferralStatus;
  page?: number;
  pageSize?: number;
}

export const referralKeys = {
  ...resourceKeys('referrals'),
  ofCase: (caseId: string) => ['referrals', 'case', caseId] as const,
  targets: (q: string) => ['referrals', 'targets', q] as const,
};

export const useReferrals = (q: ReferralQuery) => usePagedList<Referral>(referralKeys, '/referrals', { ...q });

export const useCaseReferrals = (caseId: string) =>
  useQuery({
    queryKey: referralKeys.ofCase(caseId),
    queryFn: () => api.get<{ items: Referral[] }>(`/cases/${caseId}/referrals`),
  });

/** The referral, and the case while the caller's organisation receives it (each read audited). */
export const useReferral = (id: string) =>
  useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: () => api.get<ReferredCase>(`/referrals/${id}`),
    retry: false,
    staleTime: 0,
  });

export const useReferralTargets = (q: string, enabled = true) =>
  useQuery({
    queryKey: referralKeys.targets(q),
    queryFn: () => api.get<{ items: ReferralTarget[] }>('/referrals/targets', { q: q || undefined }),
    enabled,
    staleTime: 60_000,
  });

/** A referral write: the referring case (its facts, timeline and referrals) and every referral list. */
function useReferralWrite<B>(write: (body: B) => Promise<Referral>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (r) =>
      Promise.all(
        [caseKeys.detail(r.caseId), caseKeys.timelines(r.caseId), caseKeys.lists(), referralKeys.all, notificationKeys.all].map(
          (queryKey) => qc.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useReferCase = (caseId: string) =>
  useReferralWrite((body: z.input<typeof referralCreate>) => api.post<Referral>(`/cases/${caseId}/referrals`, body));

export const useDecideReferral = (id: string) =>
  useReferralWrite((body: z.input<typeof referralDecision>) => api.post<Referral>(`/referrals/${id}/decision`, body));

export const useRecordReferralOutcome = (id: string) =>
  useReferralWrite((body: z.input<typeof referralOutcome>) => api.post<Referral>(`/referrals/${id}/outcome`, body));

export const useCloseReferral = (id: string) =>
  useReferralWrite((body: z.input<typeof referralClose>) => api.post<Referral>(`/referrals/${id}/close`, body));
