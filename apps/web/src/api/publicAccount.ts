// Public accounts (/p/…): config, codes, sign-up, login, the "my" page, name, logout. Their
// session is a cookie of its own; writes carry the CSRF token the "my" answer gives.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicAccountMe,
  publicAccountConfig,
  publicLoginBody,
  requestCodeBody,
  requestCodeResult,
  signupBody,
  signupResult,
} from '@wushe/core';
import type { z } from 'zod';
import { ApiError, request } from './client.ts';

export type { PublicAccountMe };
type Config = z.infer<typeof publicAccountConfig>;
type CodeResult = z.infer<typeof requestCodeResult>;
type SignupResult = z.infer<typeof signupResult>;

export const publicAccountKeys = {
  config: ['publicAccount', 'config'] as const,
  me: ['publicAccount', 'me'] as const,
};

const A = '/public/account';

export const usePublicAccountConfig = () =>
  useQuery({ queryKey: publicAccountKeys.config, queryFn: () => request<Config>('GET', `${A}/config`), staleTime: 60_000 });

export const useRequestCode = () =>
  useMutation({ mutationFn: (body: z.input<typeof requestCodeBody>) => request<CodeResult>('POST', `${A}/code`, { body }) });

/** The signed-in account, or null when there is none (401). */
export const usePublicMe = () =>
  useQuery({
    queryKey: publicAccountKeys.me,
    queryFn: async () => {
      try {
        return await request<PublicAccountMe>('GET', `${A}/me`, { quiet: true });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    retry: false,
  });

export function useSignup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof signupBody>) => request<SignupResult>('POST', `${A}/signup`, { body }),
    onSuccess: (me) => qc.setQueryData(publicAccountKeys.me, me),
  });
}

export function usePublicLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof publicLoginBody>) => request<PublicAccountMe>('POST', `${A}/login`, { body }),
    onSuccess: (me) => qc.setQueryData(publicAccountKeys.me, me),
  });
}

export function useRenamePublic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; version: number; csrf: string }) =>
      request<PublicAccountMe>('PATCH', `${A}/me`, { body: { name: v.name, version: v.version }, csrf: v.csrf }),
    onSuccess: (me) => qc.setQueryData(publicAccountKeys.me, me),
  });
}

export function usePublicLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csrf: string) => request<{ ok: true }>('POST', `${A}/logout`, { body: {}, csrf }),
    onSuccess: () => qc.setQueryData(publicAccountKeys.me, null),
  });
}
