// Accounts: list, the edited record, lock/unlock/disable/enable and password reset.
import type { User } from '@wushe/core';
import { api, type Query } from './client.ts';
import { resourceKeys, useEditedRecord, usePagedList, useRefreshingMutation } from './query.ts';
import { roleKeys } from './roles.ts';

export const userKeys = resourceKeys('users');

export const useUsers = (q: Query) => usePagedList<User>(userKeys, '/users', q);

/** Roles list how many accounts hold them: an account write refreshes the role list too. */
export const useUserEdit = (row: User | null) => useEditedRecord<User>(userKeys, '/users', row, [roleKeys.lists()]);

export type UserAction = 'lock' | 'unlock' | 'disable' | 'enable';

export function useUserAction() {
  return useRefreshingMutation(
    (v: { user: User; op: UserAction }) =>
      v.op === 'lock' || v.op === 'unlock'
        ? api.post<User>(`/users/${v.user.id}/${v.op}`)
        : api.patch<User>(`/users/${v.user.id}`, { status: v.op === 'disable' ? 'disabled' : 'active', version: v.user.version }),
    ({ user }) => [userKeys.lists(), userKeys.detail(user.id)],
  );
}

export function useResetPassword(userId: string) {
  return useRefreshingMutation(
    (body: { password: string }) => api.post<User>(`/users/${userId}/reset-password`, body),
    () => [userKeys.lists(), userKeys.detail(userId)],
  );
}
