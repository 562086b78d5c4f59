// Talent-base alliances (人才基地联盟) and pairing agreements (一校两社、结对共建): lists, one
// record, and the writes, each refreshing both families of queries.
import { useQuery } from '@tanstack/react-query';
import type { Alliance, AllianceSummary, Partnership, PartnershipSummary } from '@wushe/core';
import { api, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { Alliance, AllianceSummary, Partnership, PartnershipSummary };

export const allianceKeys = resourceKeys('alliances');
export const partnershipKeys = resourceKeys('partnerships');
const refreshAlliances = () => [allianceKeys.all];
const refreshPartnerships = () => [partnershipKeys.all];

export const useAlliances = (q: Query) => usePagedList<AllianceSummary>(allianceKeys, '/alliances', q);
export const useAlliance = (id: string) =>
  useQuery({ queryKey: allianceKeys.detail(id), queryFn: () => api.get<Alliance>(`/alliances/${id}`) });
export const useCreateAlliance = () =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Alliance>('/alliances', b), refreshAlliances);
export const useEditAlliance = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<Alliance>(`/alliances/${id}`, b), refreshAlliances);
/** Adds a member base, a joint event or a shared training. */
export const useAddToAlliance = (id: string, what: 'members' | 'events' | 'trainings') =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Alliance>(`/alliances/${id}/${what}`, b), refreshAlliances);
export const useLeaveAlliance = (id: string) =>
  useRefreshingMutation(
    (b: { memberId: string; leftOn: string | null; version: number }) =>
      api.patch<Alliance>(`/alliances/${id}/members/${b.memberId}`, { leftOn: b.leftOn, version: b.version }),
    refreshAlliances,
  );
export const useRemoveFromAlliance = (id: string) =>
  useRefreshingMutation(
    (b: { what: 'events' | 'trainings'; itemId: string }) => api.del<Alliance>(`/alliances/${id}/${b.what}/${b.itemId}`),
    refreshAlliances,
  );

export const usePartnerships = (q: Query) => usePagedList<PartnershipSummary>(partnershipKeys, '/partnerships', q);
export const usePartnership = (id: string) =>
  useQuery({ queryKey: partnershipKeys.detail(id), queryFn: () => api.get<Partnership>(`/partnerships/${id}`) });
export const useCreatePartnership = () =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Partnership>('/partnerships', b), refreshPartnerships);
export const useEditPartnership = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<Partnership>(`/partnerships/${id}`, b), refreshPartnerships);
export const useMovePartnership = (id: string) =>
  useRefreshingMutation(
    (b: { to: string; version: number }) => api.post<Partnership>(`/partnerships/${id}/status`, b),
    refreshPartnerships,
  );
export const useAddDeliverable = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Partnership>(`/partnerships/${id}/deliverables`, b), refreshPartnerships);
export const useTickDeliverable = (id: string) =>
  useRefreshingMutation(
    (b: { itemId: string; done: number; version: number }) =>
      api.patch<Partnership>(`/partnerships/${id}/deliverables/${b.itemId}`, { done: b.done, version: b.version }),
    refreshPartnerships,
  );
export const useUploadAgreement = (id: string) =>
  useRefreshingMutation(
    (b: { filename: string; contentType: string; data: string; version: number }) =>
      api.post<Partnership>(`/partnerships/${id}/agreement`, b),
    refreshPartnerships,
  );
