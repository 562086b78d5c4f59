// Shared pieces of the per-domain API files: the list page shape, query-key factories, a
// server-paged list query and the record a form edits.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type Query } from './client.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The query keys of one resource: `all` is every cached query of it (what a write refreshes),
 * `lists()` every list, `list(q)` one list, `detail(id)` one record.
 */
export function resourceKeys<R extends string>(root: R) {
  return {
    all: [root] as const,
    lists: () => [root, 'list'] as const,
    list: (q: Query) => [root, 'list', q] as const,
    detail: (id: string | undefined) => [root, 'one', id] as const,
  };
}
export type ResourceKeys = ReturnType<typeof resourceKeys>;

/** A server-paged list; the previous page stays on screen while the next one loads. */
export function usePagedList<T>(keys: ResourceKeys, path: string, q: Query, enabled = true) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: () => api.get<Page<T>>(path, q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A mutation that refreshes the given keys once it succeeded (and before its onSuccess resolves). */
export function useRefreshingMutation<B, R>(fn: (body: B) => Promise<R>, refreshes: (body: B, result: R) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result, body) => Promise.all(refreshes(body, result).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/**
 * The record a form edits, fetched fresh (the list row may be stale), and its save: PATCH when
 * editing, POST when creating. The save refreshes the resource and whatever `alsoRefreshes` names.
 */
export function useEditedRecord<T extends { id: string }>(keys: ResourceKeys, path: string, row: T | null, alsoRefreshes: QueryKey[] = []) {
  const current = useQuery({
    queryKey: keys.detail(row?.id),
    queryFn: () => api.get<T>(`${path}/${row!.id}`),
    enabled: !!row,
    initialData: row ?? undefined,
    staleTime: 0,
  });
  const record = current.data ?? null;
  const save = useRefreshingMutation(
    (body: Record<string, unknown>) => (record ? api.patch<T>(`${path}/${record.id}`, body) : api.post<T>(path, body)),
    () => [keys.all, ...alsoRefreshes],
  );
  // After a 409 the form reloads the record it edits.
  return { record, save, reload: () => void current.refetch() };
}
