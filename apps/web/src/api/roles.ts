// Roles: the (unpaged) list, create/edit and delete.
import { useQuery } from '@tanstack/react-query';
import type { Role } from '@wushe/core';
import { api } from './client.ts';
import { resourceKeys, useRefreshingMutation, type Page } from './query.ts';
import { userKeys } from './users.ts';

export const roleKeys = resourceKeys('roles');

export function useRoles(enabled = true) {
  return useQuery({ queryKey: roleKeys.list({}), queryFn: () => api.get<Page<Role>>('/roles'), enabled });
}

/** Accounts show their role's name: a role write refreshes the account lists too. */
export function useSaveRole(role: Role | null) {
  return useRefreshingMutation(
    (body: Record<string, unknown>) => (role ? api.patch<Role>(`/roles/${role.id}`, body) : api.post<Role>('/roles', body)),
    () => [roleKeys.all, userKeys.lists()],
  );
}

export function useDeleteRole() {
  return useRefreshingMutation(
    (id: string) => api.del<unknown>(`/roles/${id}`),
    () => [roleKeys.all],
  );
}
