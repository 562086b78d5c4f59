// Check-in by rotating QR code (any occasion kind). The screen polls the current code and the
// counts; the public page (no session) reads the occasion, checks in, and later answers
// satisfaction with the receipt it keeps in localStorage.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PublicCheckinResult, PublicOccasion, checkinCode, publicCheckinBody, publicSatisfactionBody } from '@wushe/core';
import type { z } from 'zod';
import { api } from './client.ts';

export type { PublicCheckinResult, PublicOccasion };
export type CheckinCode = z.infer<typeof checkinCode>;

export const checkinKeys = {
  code: (kind: string, id: string) => ['checkin', 'code', kind, id] as const,
  occasion: (kind: string, id: string, t?: string) => ['checkin', 'public', kind, id, t ?? null] as const,
};

/** The screen's code: fetched again when it expires (and every 10 s for the live count). */
export function useCheckinCode(kind: string, id: string) {
  return useQuery({
    queryKey: checkinKeys.code(kind, id),
    queryFn: () => api.get<CheckinCode>(`/checkin/${kind}/${id}/code`),
    refetchInterval: (q) => {
      const expires = q.state.data ? Date.parse(q.state.data.expiresAt) - Date.now() : 0;
      return Math.max(1000, Math.min(10_000, expires + 500));
    },
  });
}

export function usePublicOccasion(kind: string, id: string, t?: string) {
  return useQuery({
    queryKey: checkinKeys.occasion(kind, id, t),
    queryFn: () => api.get<PublicOccasion>(`/public/checkin/${kind}/${id}`, { t }),
    retry: false,
  });
}

export const usePublicCheckin = (kind: string, id: string) =>
  useMutation({
    mutationFn: (body: z.input<typeof publicCheckinBody>) => api.post<PublicCheckinResult>(`/public/checkin/${kind}/${id}`, body),
  });

export const usePublicSatisfaction = (kind: string, id: string) =>
  useMutation({
    mutationFn: (body: z.input<typeof publicSatisfactionBody>) =>
      api.post<{ ok: true }>(`/public/checkin/${kind}/${id}/satisfaction`, body),
  });

/** The receipt a phone keeps after checking in, per occasion. */
const receiptKey = (kind: string, id: string) => `wushe.checkin.${kind}.${id}`;
export const keptReceipt = (kind: string, id: string): { receipt: string; name: string } | null => {
  try {
    return JSON.parse(localStorage.getItem(receiptKey(kind, id)) ?? 'null') as { receipt: string; name: string } | null;
  } catch {
    return null;
  }
};
export const keepReceipt = (kind: string, id: string, r: { receipt: string; name: string }) =>
  localStorage.setItem(receiptKey(kind, id), JSON.stringify(r));
