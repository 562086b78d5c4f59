// The signed-in actor and the public installation config, as TanStack Query state.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Actor, LoginBody } from '@wushe/core';
import type { z } from 'zod';
import type { publicConfig } from '@wushe/core';
import { ApiError, api, setCsrfToken } from './client.ts';

export type PublicConfig = z.infer<typeof publicConfig>;

export const ME_KEY = ['auth', 'me'] as const;

// Why the last session ended (e.g. idle timeout), shown once on the login page. Kept here
// rather than in navigation state, which the route guards' own redirects would replace.
let sessionNotice: string | null = null;
export const setSessionNotice = (text: string | null) => {
  sessionNotice = text;
};
export const getSessionNotice = () => sessionNotice;

// Where to go back to after signing in again, and for whom (null: anyone, e.g. a deep link
// opened without a session). An explicit logout forgets it.
let returnTo: { path: string; username: string | null } | null = null;
let loggedOut = false;
export function rememberReturnTo(path: string, username: string | null): void {
  if (!loggedOut && path !== '/' && !returnTo) returnTo = { path, username };
}
export function takeReturnTo(username: string): string {
  const r = returnTo;
  returnTo = null;
  return r && (r.username === null || r.username === username) ? r.path : '/';
}

/** Stores a fresh actor (login, password change, TOTP) and its CSRF token. */
export function setActor(qc: QueryClient, actor: Actor | null): void {
  setCsrfToken(actor?.csrfToken ?? null);
  qc.setQueryData(ME_KEY, actor);
}

/** Forgets the session and every cached record. */
export function clearSession(qc: QueryClient): void {
  setCsrfToken(null);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'public' });
  qc.setQueryData(ME_KEY, null);
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Actor | null> => {
      try {
        const actor = await api.get<Actor>('/auth/me', undefined, true);
        setCsrfToken(actor.csrfToken);
        return actor;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

/** The actor inside the signed-in shell, where it is known to exist. */
export function useActor(): Actor {
  const { data } = useMe();
  if (!data) throw new Error('useActor outside the signed-in shell');
  return data;
}

export function usePublicConfig() {
  return useQuery({
    queryKey: ['public', 'config'],
    queryFn: () => api.get<PublicConfig>('/public/config', undefined, true),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Actor>('/auth/login', body, true),
    onSuccess: (actor) => {
      setSessionNotice(null);
      loggedOut = false;
      clearSession(qc);
      setActor(qc, actor);
    },
  });
}

/**
 * Logs out and lands on the login page. The page changes before the session is cleared, so
 * the route guards do not first redirect with a "come back to" path meant for another person.
 */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout', {}, true).catch(() => ({ ok: true as const })),
    onSettled: () => {
      loggedOut = true;
      returnTo = null;
      navigate('/login', { replace: true });
      clearSession(qc);
    },
  });
}

/** Starts TOTP setup: the secret and its otpauth URI (nothing cached changes). */
export function useTotpSetup<T>() {
  return useMutation({ mutationFn: () => api.post<T>('/auth/totp/setup') });
}

/** After a language switch, server-side texts (problem details, labels) are fetched again. */
export function useRefetchAll() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
}

/** Mutations that answer with the updated actor (password, TOTP). */
export function useActorMutation<B>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<Actor>(path, body),
    onSuccess: (actor) => setActor(qc, actor),
  });
}
