// Volunteering on the public site: the registration form's options, the signed-in account's own
// registration and sign-ups (writes carry its CSRF token), open posts for anyone, and the
// volunteer QR page (the activity, then check in or out with the code from the link).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MySignup,
  MyVolunteer,
  PublicOccasion,
  PublicPost,
  myCall,
  publicVolunteerBody,
  publicVolunteerCheckinResult,
  volunteerOptions,
} from '@wushe/core';
import type { z } from 'zod';
import { request, type Query } from './client.ts';
import { publicAccountKeys } from './publicAccount.ts';
import type { Page } from './query.ts';

export type { MySignup, MyVolunteer, PublicPost };
export type VolunteerOptions = z.infer<typeof volunteerOptions>;
export type CheckinResult = z.infer<typeof publicVolunteerCheckinResult>;
export type MyCall = z.infer<typeof myCall>;

export const volunteerPublicKeys = {
  all: ['volunteer-public'] as const,
  options: ['volunteer-public', 'options'] as const,
  mine: ['volunteer-public', 'mine'] as const,
  signups: ['volunteer-public', 'signups'] as const,
  calls: ['volunteer-public', 'calls'] as const,
  posts: (q: Query) => ['volunteer-public', 'posts', q] as const,
  occasion: (id: string, t: string) => ['volunteer-public', 'occasion', id, t] as const,
};
const A = '/public/account/volunteer';

export const useVolunteerOptions = () =>
  useQuery({
    queryKey: volunteerPublicKeys.options,
    queryFn: () => request<VolunteerOptions>('GET', '/public/volunteer-options'),
    staleTime: 300_000,
  });

export const useMyVolunteer = (signedIn: boolean) =>
  useQuery({
    queryKey: volunteerPublicKeys.mine,
    queryFn: async () => (await request<{ volunteer: MyVolunteer }>('GET', A, { quiet: true })).volunteer,
    enabled: signedIn,
  });

export const useMySignups = (active: boolean) =>
  useQuery({
    queryKey: volunteerPublicKeys.signups,
    queryFn: async () => (await request<{ items: MySignup[] }>('GET', `${A}/signups`, { quiet: true })).items,
    enabled: active,
  });

export const useMyCalls = (active: boolean) =>
  useQuery({
    queryKey: volunteerPublicKeys.calls,
    queryFn: async () => (await request<{ items: MyCall[] }>('GET', `${A}/calls`, { quiet: true })).items,
    enabled: active,
  });

export const useOpenPosts = (q: Query) =>
  useQuery({
    queryKey: volunteerPublicKeys.posts(q),
    queryFn: () => request<Page<PublicPost>>('GET', '/public/volunteer-posts', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useVolunteerOccasion = (id: string, t: string) =>
  useQuery({
    queryKey: volunteerPublicKeys.occasion(id, t),
    queryFn: () => request<PublicOccasion>('GET', `/public/volunteer-checkin/${id}`, { query: { t } }),
    retry: false,
  });

/** Every volunteering write changes the registration, the sign-ups, the posts and the "my" page. */
function useVolunteerMutation<V extends { csrf: string }, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: volunteerPublicKeys.all }), qc.invalidateQueries({ queryKey: publicAccountKeys.me })]),
  });
}

export const useRegisterVolunteer = () =>
  useVolunteerMutation((v: { body: z.input<typeof publicVolunteerBody>; csrf: string }) =>
    request<{ volunteer: MyVolunteer }>('POST', A, { body: v.body, csrf: v.csrf }),
  );
export const useApplyForPost = () =>
  useVolunteerMutation((v: { postId: string; csrf: string }) =>
    request<{ ok: true }>('POST', `${A}/signups`, { body: { postId: v.postId }, csrf: v.csrf }),
  );
export const useWithdrawSignup = () =>
  useVolunteerMutation((v: { id: string; csrf: string }) =>
    request<{ ok: true }>('POST', `${A}/signups/${v.id}/withdraw`, { body: {}, csrf: v.csrf }),
  );
export const useVolunteerTap = (activityId: string) =>
  useVolunteerMutation((v: { t: string; action: 'in' | 'out'; csrf: string }) =>
    request<CheckinResult>('POST', `${A}/checkins/${activityId}`, { body: { t: v.t, action: v.action }, csrf: v.csrf }),
  );
export const useAnswerCall = () =>
  useVolunteerMutation((v: { id: string; answer: 'accept' | 'decline'; csrf: string }) =>
    request<MyCall>('POST', `${A}/calls/${v.id}/answer`, { body: { answer: v.answer }, csrf: v.csrf }),
  );
