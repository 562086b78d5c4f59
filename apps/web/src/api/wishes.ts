// Micro-wishes (微心愿): the station's list and one wish with its claims and history, recording
// (one, or a needs survey's batch), the review moves, a claim on someone's behalf, releasing a
// stalled claim, recording delivery; the public board and its totals, and a public account's own
// claims (claim, withdraw, record delivery with photos: its own CSRF token).
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  PublicWish,
  Wish,
  WishAction,
  WishClaim,
  WishSummary,
  likelyClaimantsOfWish,
  myWishClaim,
  publicWishStats,
} from '@wushe/core';
import type { z } from 'zod';
import { api, request, type Query } from './client.ts';
import { publicAccountKeys } from './publicAccount.ts';
import { resourceKeys, usePagedList, useRefreshingMutation, type Page } from './query.ts';

export type { PublicWish, Wish, WishClaim, WishSummary };
export type MyWishClaim = z.infer<typeof myWishClaim>;
export type PublicWishStats = z.infer<typeof publicWishStats>;
export type LikelyClaimants = z.infer<typeof likelyClaimantsOfWish>;
export type PhotoUpload = { filename: string; contentType: string; data: string };

export const wishKeys = resourceKeys('wishes');
/** The board, its totals and the signed-in account's claims: what a public claim changes. */
export const boardKeys = {
  all: ['wish-board'] as const,
  list: (q: Query) => ['wish-board', 'list', q] as const,
  detail: (id: string) => ['wish-board', 'one', id] as const,
  stats: (q: Query) => ['wish-board', 'stats', q] as const,
  mine: ['wish-board', 'mine'] as const,
};
// A station's write changes the wish, the lists and what the board shows of it.
const refreshWishes = (): QueryKey[] => [wishKeys.all, boardKeys.all];

// ---- The station's side

export const useWishes = (q: Query, enabled = true) => usePagedList<WishSummary>(wishKeys, '/wishes', q, enabled);
export const useWish = (id: string) => useQuery({ queryKey: wishKeys.detail(id), queryFn: () => api.get<Wish>(`/wishes/${id}`) });
/** Who is likely to claim an open wish, each with why (under the wish's key: a claim refreshes it). */
export const useLikelyClaimants = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...wishKeys.detail(id), 'likely-claimants'],
    queryFn: () => api.get<LikelyClaimants>(`/wishes/${id}/likely-claimants`),
    enabled,
  });

export const useCreateWish = () => useRefreshingMutation((b: Record<string, unknown>) => api.post<Wish>('/wishes', b), refreshWishes);
export const useUpdateWish = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<Wish>(`/wishes/${id}`, b), refreshWishes);
/** A needs survey's wishes, several residents at once: all saved or none (errors under items.N). */
export const useCreateWishBatch = () =>
  useRefreshingMutation(
    (b: { items: Record<string, unknown>[] }) => api.post<{ ids: string[]; count: number }>('/wishes/batch', b),
    refreshWishes,
  );
/** submit, publish, return (note), cancel (note), confirm (what the resident said). */
export const useWishTransition = (id: string) =>
  useRefreshingMutation(
    (b: { action: WishAction; note?: string | null; version: number }) => api.post<Wish>(`/wishes/${id}/transition`, b),
    refreshWishes,
  );
/** The station claims for a person, merchant, company or team without an account. */
export const useClaimForSomeone = (id: string) =>
  useRefreshingMutation(
    (b: { kind: WishClaim['kind']; name: string; mobile: string; version: number }) => api.post<Wish>(`/wishes/${id}/claims`, b),
    refreshWishes,
  );
export const useReleaseClaim = (id: string) =>
  useRefreshingMutation(
    (b: { claimId: string; reason: string }) => api.post<Wish>(`/wishes/${id}/claims/${b.claimId}/release`, { reason: b.reason }),
    refreshWishes,
  );
/** The worker records the delivery (photos uploaded beforehand as attachments). */
export const useRecordDelivery = (id: string) =>
  useRefreshingMutation(
    (b: { note: string; photoIds: string[]; version: number }) => api.post<Wish>(`/wishes/${id}/delivery`, b),
    refreshWishes,
  );

// ---- The public board (no login)

export const usePublicWishes = (q: Query) =>
  useQuery({
    queryKey: boardKeys.list(q),
    queryFn: () => request<Page<PublicWish>>('GET', '/public/wishes', { query: q }),
    placeholderData: keepPreviousData,
  });
export const usePublicWish = (id: string) =>
  useQuery({ queryKey: boardKeys.detail(id), queryFn: () => request<PublicWish>('GET', `/public/wishes/${id}`), retry: false });
export const usePublicWishStats = (q: Query) =>
  useQuery({
    queryKey: boardKeys.stats(q),
    queryFn: () => request<PublicWishStats>('GET', '/public/stats', { query: q }),
    placeholderData: keepPreviousData,
  });

// ---- A public account's claims

export const useMyWishClaims = (signedIn: boolean) =>
  useQuery({
    queryKey: boardKeys.mine,
    queryFn: () => request<MyWishClaim[]>('GET', '/public/account/wish-claims', { quiet: true }),
    enabled: signedIn,
  });

/** A claim changes the board, the account's claims and its "my" page. */
function useClaimMutation<V extends { csrf: string }>(fn: (v: V) => Promise<MyWishClaim>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: boardKeys.all }), qc.invalidateQueries({ queryKey: publicAccountKeys.me })]),
  });
}

export const useClaimWish = (wishId: string) =>
  useClaimMutation((v: { kind: WishClaim['kind']; orgName?: string | null; csrf: string }) =>
    request<MyWishClaim>('POST', `/public/account/wishes/${wishId}/claims`, { body: { kind: v.kind, orgName: v.orgName }, csrf: v.csrf }),
  );
export const useWithdrawClaim = () =>
  useClaimMutation((v: { id: string; csrf: string }) =>
    request<MyWishClaim>('POST', `/public/account/wish-claims/${v.id}/withdraw`, { body: {}, csrf: v.csrf }),
  );
export const useDeliverClaim = () =>
  useClaimMutation((v: { id: string; note: string; photos: PhotoUpload[]; csrf: string }) =>
    request<MyWishClaim>('POST', `/public/account/wish-claims/${v.id}/delivery`, {
      body: { note: v.note, photos: v.photos },
      csrf: v.csrf,
    }),
  );
