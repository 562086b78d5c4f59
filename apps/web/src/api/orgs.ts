// Organisations: list, statistics, the edited record and activation.
import { useQuery } from '@tanstack/react-query';
import type { Org } from '@wushe/core';
import { api, type Query } from './client.ts';
import { resourceKeys, useEditedRecord, usePagedList, useRefreshingMutation } from './query.ts';
import { userKeys } from './users.ts';

export interface OrgStats {
  byKind: { kind: string; count: number }[];
  byArea: { code: string; name: string; count: number }[];
}

export const orgKeys = { ...resourceKeys('orgs'), stats: () => ['orgs', 'stats'] as const };

export const useOrgs = (q: Query, enabled = true) => usePagedList<Org>(orgKeys, '/orgs', q, enabled);

export function useOrg(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api.get<Org>(`/orgs/${id}`), enabled: !!id && enabled });
}

export function useOrgStats() {
  return useQuery({ queryKey: orgKeys.stats(), queryFn: () => api.get<OrgStats>('/orgs/stats') });
}

/** Accounts show their organisation's name: an org write refreshes the account lists too. */
export const useOrgEdit = (row: Org | null) => useEditedRecord<Org>(orgKeys, '/orgs', row, [userKeys.lists()]);

export function useSetOrgActive() {
  return useRefreshingMutation(
    (v: { id: string; active: boolean; version: number }) => api.patch<Org>(`/orgs/${v.id}`, { active: v.active, version: v.version }),
    () => [orgKeys.all],
  );
}
