// TanStack Query hooks for the domain lists and records.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Area, AuditEntry, Org, Role, User } from '@wushe/core';
import { api, type Query } from './client.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface OrgStats {
  byKind: { kind: string; count: number }[];
  byArea: { code: string; name: string; count: number }[];
}

/** A server-paged list; the previous page stays on screen while the next one loads. */
export function useList<T>(resource: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [resource, 'list', query],
    queryFn: () => api.get<Page<T>>(`/${resource}`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useOrgs = (q: Query, enabled = true) => useList<Org>('orgs', q, enabled);
export const useUsers = (q: Query) => useList<User>('users', q);
export const useAudit = (q: Query) => useList<AuditEntry>('audit', q);

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles', 'list'],
    queryFn: () => api.get<Page<Role>>('/roles'),
    enabled,
  });
}

export function useOrgStats() {
  return useQuery({ queryKey: ['orgs', 'stats'], queryFn: () => api.get<OrgStats>('/orgs/stats') });
}

export function useRootAreas() {
  return useQuery({ queryKey: ['areas', 'roots'], queryFn: () => api.get<Page<Area>>('/areas'), staleTime: 10 * 60_000 });
}

export function useArea(code: string | undefined) {
  return useQuery({
    queryKey: ['areas', 'one', code],
    queryFn: () => api.get<Area>(`/areas/${code}`),
    enabled: !!code,
  });
}

export const fetchAreaChildren = (parent: string) => api.get<Page<Area>>('/areas', { parent, limit: 200 });
export const searchAreas = (q: string) => api.get<Page<Area>>('/areas', { q, limit: 50 });

/** A write that refreshes every cached query of its resource afterwards. */
export function useWrite<B, R>(resource: string, fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: [resource] }),
  });
}

/**
 * The record a form edits, fetched fresh (the list row may be stale), and its save: PATCH when
 * editing, POST when creating. `resource` is both the URL segment and the query key.
 */
export function useEditedRecord<T extends { id: string }>(resource: string, row: T | null) {
  const current = useQuery({
    queryKey: [resource, 'one', row?.id],
    queryFn: () => api.get<T>(`/${resource}/${row!.id}`),
    enabled: !!row,
    initialData: row ?? undefined,
    staleTime: 0,
  });
  const record = current.data ?? null;
  const save = useWrite(resource, (body: Record<string, unknown>) =>
    record ? api.patch<T>(`/${resource}/${record.id}`, body) : api.post<T>(`/${resource}`, body),
  );
  // After a 409 the form reloads the record it edits.
  return { record, save, reload: () => void current.refetch() };
}
