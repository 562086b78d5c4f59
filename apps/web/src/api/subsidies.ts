// Rewards and subsidies (奖补): policies with budget totals, applications and their review
// moves, the payment list and its batches, the caller's own applications, the public notices.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Policy, SubsidyApplication, mySubsidyApplication, paymentList, publicPolicy, subsidyEvent } from '@wushe/core';
import type { z } from 'zod';
import { api, request, type Query } from './client.ts';
import { publicAccountKeys } from './publicAccount.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { Policy, SubsidyApplication };
export type PaymentList = z.infer<typeof paymentList>;
export type MySubsidyApplication = z.infer<typeof mySubsidyApplication>;
export type PublicPolicy = z.infer<typeof publicPolicy>;
export type SubsidyEvent = z.infer<typeof subsidyEvent>;

export const policyKeys = resourceKeys('policies');
export const subsidyKeys = resourceKeys('subsidy-applications');
const refresh = () => [policyKeys.all, subsidyKeys.all];

export const usePolicies = (q: Query) => usePagedList<Policy>(policyKeys, '/policies', q);
export const usePolicy = (id: string) => useQuery({ queryKey: policyKeys.detail(id), queryFn: () => api.get<Policy>(`/policies/${id}`) });
export const useSubsidyApps = (q: Query, enabled = true) =>
  usePagedList<SubsidyApplication>(subsidyKeys, '/subsidy-applications', q, enabled);
export const useSubsidyEvents = (id: string | null) =>
  useQuery({
    queryKey: [...subsidyKeys.detail(id ?? ''), 'events'],
    queryFn: () => api.get<SubsidyEvent[]>(`/subsidy-applications/${id}/events`),
    enabled: !!id,
  });
export const useMySubsidyApps = () =>
  useQuery({ queryKey: [...subsidyKeys.all, 'mine'], queryFn: () => api.get<MySubsidyApplication[]>('/subsidy-applications/mine') });
export const usePaymentList = (id: string) =>
  useQuery({ queryKey: [...policyKeys.detail(id), 'payments'], queryFn: () => api.get<PaymentList>(`/policies/${id}/payments`) });

export const useCreatePolicy = () => useRefreshingMutation((b: Record<string, unknown>) => api.post<Policy>('/policies', b), refresh);
export const usePolicyStatus = (id: string) =>
  useRefreshingMutation((b: { status: string; version: number }) => api.post<Policy>(`/policies/${id}/status`, b), refresh);
export const useApplySubsidy = () =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<SubsidyApplication>('/subsidy-applications', b), refresh);
export const useMoveSubsidy = () =>
  useRefreshingMutation(
    ({ id, ...b }: { id: string; action: string; version: number; reason?: string; amountFen?: number; statement?: string }) =>
      api.post<SubsidyApplication>(`/subsidy-applications/${id}/transitions`, b),
    refresh,
  );
export const usePayBatch = (id: string) =>
  useRefreshingMutation((b: { applicationIds: string[]; note?: string }) => api.post(`/policies/${id}/payment-batches`, b), refresh);

export const usePublicPolicies = () =>
  useQuery({ queryKey: ['public-policies'], queryFn: () => request<PublicPolicy[]>('GET', '/public/policies') });
export function usePublicApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      policyId: string;
      csrf: string;
      statement?: string;
      arrivedOn?: string | null;
      orgName?: string;
      files?: { filename: string; contentType: string; data: string }[];
    }) =>
      request<SubsidyApplication>('POST', `/public/account/policies/${v.policyId}/apply`, {
        body: { statement: v.statement, arrivedOn: v.arrivedOn || null, orgName: v.orgName, files: v.files ?? [] },
        csrf: v.csrf,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: publicAccountKeys.me }),
  });
}
