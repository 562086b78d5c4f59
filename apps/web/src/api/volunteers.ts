// Volunteers (志愿者): the register (search, one volunteer, register and edit, the status moves,
// reveal), the teams (志愿服务队) with their members, and an activity's volunteers (posts,
// sign-ups, the rotating volunteer QR code, check-in by list, the hours decisions).
import { useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import type {
  ActivityVolunteers,
  ServiceHoursRecord,
  Team,
  TeamDetail,
  Volunteer,
  VolunteerAction,
  VolunteerPost,
  VolunteerSignup,
  hoursHistory,
  serviceRecords,
  volunteerCheckinCode,
} from '@wushe/core';
import type { z } from 'zod';
import { api, downloadFile, type Query } from './client.ts';
import { resourceKeys, useEditedRecord, usePagedList, useRefreshingMutation, type Page } from './query.ts';

export type { ActivityVolunteers, ServiceHoursRecord, Team, TeamDetail, Volunteer, VolunteerPost, VolunteerSignup };
export type HoursHistory = z.infer<typeof hoursHistory>;
export type VolunteerCode = z.infer<typeof volunteerCheckinCode>;

export const volunteerKeys = resourceKeys('volunteers');
export const teamKeys = resourceKeys('teams');
/** One activity's volunteers, its QR code and a record's history. */
export const serviceKeys = {
  all: ['activity-volunteers'] as const,
  one: (activityId: string) => ['activity-volunteers', activityId] as const,
  code: (activityId: string) => ['activity-volunteers', activityId, 'code'] as const,
  history: (activityId: string, hoursId: string) => ['activity-volunteers', activityId, 'history', hoursId] as const,
};

// A volunteer's teams show on the team pages and the other way round; hours show on both.
const refreshRegister = (): QueryKey[] => [volunteerKeys.all, teamKeys.all];

// ---- The register

export const useVolunteers = (q: Query, enabled = true) => usePagedList<Volunteer>(volunteerKeys, '/volunteers', q, enabled);

export const useVolunteer = (id: string | undefined) =>
  useQuery({ queryKey: volunteerKeys.detail(id), queryFn: () => api.get<Volunteer>(`/volunteers/${id}`), enabled: !!id, retry: false });

export type ServiceRecords = z.infer<typeof serviceRecords>;
/** A volunteer's service records in the caller's scope (every status), newest first. */
export const useVolunteerRecords = (id: string) =>
  useQuery({ queryKey: [...volunteerKeys.detail(id), 'records'], queryFn: () => api.get<ServiceRecords>(`/volunteers/${id}/records`) });

/** The national system's sheet with the clear ID number: needs volunteer.reveal and a purpose (audited). */
export const downloadUnmaskedRecords = (id: string, reason: string, filename: string) =>
  downloadFile(`/volunteers/${id}/records/export`, filename, { body: { reason } });

/** Volunteers found by name, number or mobile (the pickers), active ones unless `status` says otherwise. */
export const searchVolunteers = (q: string, status: string | undefined = 'active') =>
  api.get<Page<Volunteer>>('/volunteers', { q, status, pageSize: 20, sort: 'name' });

/** The record the form edits (fetched fresh) and its save: POST to register, PATCH to edit. */
export const useVolunteerEdit = (row: Volunteer | null) => useEditedRecord<Volunteer>(volunteerKeys, '/volunteers', row, [teamKeys.all]);

/** confirm (a self-registration), suspend, resume, leave (the last three with a reason). */
export const useVolunteerTransition = (id: string) =>
  useRefreshingMutation(
    (b: { action: VolunteerAction; reason?: string | null; version: number }) => api.post<Volunteer>(`/volunteers/${id}/transition`, b),
    refreshRegister,
  );

/** The clear ID number or mobile for this view only (audited with the reason); nothing cached changes. */
export const useRevealVolunteer = () =>
  useMutation({
    mutationFn: (b: { id: string; field: 'idNumber' | 'mobile'; reason: string }) =>
      api.post<{ field: string; value: string | null }>(`/volunteers/${b.id}/reveal`, { field: b.field, reason: b.reason }),
  });

// ---- Teams

export const useTeams = (q: Query, enabled = true) => usePagedList<Team>(teamKeys, '/teams', q, enabled);

export const useTeam = (id: string | undefined) =>
  useQuery({ queryKey: teamKeys.detail(id), queryFn: () => api.get<TeamDetail>(`/teams/${id}`), enabled: !!id, retry: false });

/** Create a team (no `team`), or rename, describe or disband one (with its version). */
export const useSaveTeam = (team: TeamDetail | null) =>
  useRefreshingMutation(
    (b: Record<string, unknown>) => (team ? api.patch<TeamDetail>(`/teams/${team.id}`, b) : api.post<TeamDetail>('/teams', b)),
    refreshRegister,
  );

/** Adds a volunteer to the team, or sets the role of one already in it. */
export const useSetTeamMember = (teamId: string) =>
  useRefreshingMutation(
    (b: { volunteerId: string; role: 'leader' | 'member' }) => api.post<TeamDetail>(`/teams/${teamId}/members`, b),
    refreshRegister,
  );

export const useRemoveTeamMember = (teamId: string) =>
  useRefreshingMutation((volunteerId: string) => api.del<TeamDetail>(`/teams/${teamId}/members/${volunteerId}`), refreshRegister);

// ---- An activity's volunteers

export const useActivityVolunteers = (activityId: string, enabled = true) =>
  useQuery({
    queryKey: serviceKeys.one(activityId),
    queryFn: () => api.get<ActivityVolunteers>(`/activities/${activityId}/volunteers`),
    enabled,
    // Phones sign up and check in without this page: always read it fresh.
    staleTime: 0,
  });

/** The volunteers' QR screen: fetched again when the code expires (and every 10 s for the counts). */
export const useVolunteerCode = (activityId: string, enabled: boolean) =>
  useQuery({
    queryKey: serviceKeys.code(activityId),
    queryFn: () => api.get<VolunteerCode>(`/activities/${activityId}/checkins/code`),
    enabled,
    refetchInterval: (q) => {
      const expires = q.state.data ? Date.parse(q.state.data.expiresAt) - Date.now() : 0;
      return Math.max(1000, Math.min(10_000, expires + 500));
    },
  });

export const useHoursHistory = (activityId: string, hoursId: string | null) =>
  useQuery({
    queryKey: serviceKeys.history(activityId, hoursId ?? ''),
    queryFn: () => api.get<HoursHistory>(`/activities/${activityId}/checkins/${hoursId}/history`),
    enabled: !!hoursId,
    staleTime: 0,
  });

/** A write to an activity's volunteers: the card, its code counts, and the register's hours. */
const refreshService = (activityId: string) => (): QueryKey[] => [serviceKeys.one(activityId), volunteerKeys.all];

/** Open a post (no `postId`), or edit, close or reopen one (with its version). */
export const useSavePost = (activityId: string) =>
  useRefreshingMutation(
    (b: { postId?: string; body: Record<string, unknown> }) =>
      b.postId
        ? api.patch<VolunteerPost>(`/activities/${activityId}/volunteers/posts/${b.postId}`, b.body)
        : api.post<VolunteerPost>(`/activities/${activityId}/volunteers`, b.body),
    refreshService(activityId),
  );

/** The station puts an active volunteer on a post (accepted at once). */
export const useAddToPost = (activityId: string) =>
  useRefreshingMutation(
    (b: { postId: string; volunteerId: string }) => api.post<VolunteerSignup>(`/activities/${activityId}/volunteers/signups`, b),
    refreshService(activityId),
  );

export const useDecideSignup = (activityId: string) =>
  useRefreshingMutation(
    (b: { id: string; decision: 'accept' | 'decline'; version: number }) =>
      api.post<VolunteerSignup>(`/activities/${activityId}/volunteers/signups/${b.id}/decision`, {
        decision: b.decision,
        version: b.version,
      }),
    refreshService(activityId),
  );

/** Check an accepted volunteer in or out from the list. */
export const useStationCheckin = (activityId: string) =>
  useRefreshingMutation(
    (b: { volunteerId: string; action: 'in' | 'out' }) => api.post<ServiceHoursRecord>(`/activities/${activityId}/checkins`, b),
    refreshService(activityId),
  );

/** Approve (认定) or decline (不予认定, with a reason) records in bulk. */
export const useDecideHours = (activityId: string) =>
  useRefreshingMutation(
    (b: { ids: string[]; decision: 'approve' | 'decline'; reason?: string | null }) =>
      api.post<{ changed: number; skipped: number }>(`/activities/${activityId}/checkins/decisions`, b),
    refreshService(activityId),
  );

/** Correct the credited minutes with a reason; the record's history changes too. */
export const useCorrectHours = (activityId: string) =>
  useRefreshingMutation(
    (b: { id: string; minutes: number; reason: string; version: number }) =>
      api.post<ServiceHoursRecord>(`/activities/${activityId}/checkins/${b.id}/correction`, {
        minutes: b.minutes,
        reason: b.reason,
        version: b.version,
      }),
    (b) => [serviceKeys.one(activityId), serviceKeys.history(activityId, b.id), volunteerKeys.all],
  );

// ---- A volunteer's 工作台 (a staff account of the volunteer role)

export type VolunteerHome = import('@wushe/core').VolunteerHome;
export const useVolunteerHome = (enabled: boolean) =>
  useQuery({ queryKey: ['volunteer-home'], queryFn: () => api.get<VolunteerHome>('/volunteer-home'), enabled });

// ---- Service-record certificates (志愿服务记录证明)

export type VolunteerCertificate = import('@wushe/core').VolunteerCertificate;
export const useVolunteerCertificates = (volunteerId: string) =>
  useQuery({
    queryKey: ['volunteers', 'certificates', volunteerId],
    queryFn: () => api.get<{ items: VolunteerCertificate[] }>(`/volunteers/${volunteerId}/certificate`),
  });
export const useIssueCertificate = (volunteerId: string) =>
  useRefreshingMutation(
    (b: { from: string; to: string; issuerContact?: string | null }) =>
      api.post<VolunteerCertificate>(`/volunteers/${volunteerId}/certificate`, b),
    () => [['volunteers', 'certificates', volunteerId]],
  );
