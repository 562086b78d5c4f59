// Trainings (培训), their sessions, registrations, attendance, evaluations and certificates; the
// teacher pool (师资库); continuing-education hours (继续教育学时) with the review queue and the
// behind list; the public training page, sign-up, join code, evaluation and verification.
import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CeEntry,
  CeWorkerHours,
  Registration,
  RequiredHours,
  Teacher,
  Training,
  TrainingDetail,
  TrainingSession,
  accountRegistration,
  ceBehindRow,
  ceQueueEntry,
  certificatePrint,
  evaluationSummary,
  publicCertificate,
  publicJoinResult,
  publicSignUpResult,
  publicTraining,
  teacherDetail,
} from '@wushe/core';
import type { z } from 'zod';
import { ApiError, api, request, type Query } from './client.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { CeEntry, CeWorkerHours, Registration, Teacher, Training, TrainingDetail, TrainingSession };
export type EvaluationSummary = z.infer<typeof evaluationSummary>;
export type CertificatePrint = z.infer<typeof certificatePrint>;
export type TeacherDetail = z.infer<typeof teacherDetail>;
export type CeBehindRow = z.infer<typeof ceBehindRow>;
export type CeQueueEntry = z.infer<typeof ceQueueEntry>;
export type PublicTraining = z.infer<typeof publicTraining>;
export type PublicCertificate = z.infer<typeof publicCertificate>;
export type AccountRegistration = z.infer<typeof accountRegistration>;

export const trainingKeys = resourceKeys('trainings');
export const teacherKeys = resourceKeys('teachers');
export const ceKeys = resourceKeys('ce-hours');
const refresh = () => [trainingKeys.all, teacherKeys.all, ceKeys.all];

export const useTrainings = (q: Query) => usePagedList<Training>(trainingKeys, '/trainings', q);
export const useTraining = (id: string) =>
  useQuery({ queryKey: trainingKeys.detail(id), queryFn: () => api.get<TrainingDetail>(`/trainings/${id}`) });
export const useRegistrations = (id: string) =>
  useQuery({
    queryKey: [...trainingKeys.detail(id), 'registrations'],
    queryFn: () => api.get<Registration[]>(`/trainings/${id}/registrations`),
  });
export const useEvaluations = (id: string) =>
  useQuery({
    queryKey: [...trainingKeys.detail(id), 'evaluations'],
    queryFn: () => api.get<EvaluationSummary>(`/trainings/${id}/evaluations`),
  });
export const useCertificatePrint = (id: string, registrationId: string) =>
  useQuery({
    queryKey: [...trainingKeys.detail(id), 'certificate', registrationId],
    queryFn: () => api.get<CertificatePrint>(`/trainings/${id}/registrations/${registrationId}/certificate`),
    retry: false,
  });

export const useCreateTraining = () =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<TrainingDetail>('/trainings', b), refresh);
export const useEditTraining = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<TrainingDetail>(`/trainings/${id}`, b), refresh);
export const useSaveSession = (id: string, sessionId: string | null) =>
  useRefreshingMutation(
    (b: Record<string, unknown>) =>
      sessionId
        ? api.patch<TrainingSession>(`/trainings/${id}/sessions/${sessionId}`, b)
        : api.post<TrainingSession>(`/trainings/${id}/sessions`, b),
    refresh,
  );
export const useRegister = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<Registration>(`/trainings/${id}/registrations`, b), refresh);
export const useCancelRegistration = (id: string) =>
  useRefreshingMutation(
    (registrationId: string) => api.post<{ ok: true }>(`/trainings/${id}/registrations/${registrationId}/cancel`, {}),
    refresh,
  );
export const useMarkAttendance = (id: string) =>
  useRefreshingMutation(
    (b: { sessionId: string; registrationIds: string[]; present: boolean }) =>
      api.post<Registration[]>(`/trainings/${id}/sessions/${b.sessionId}/attendance`, {
        registrationIds: b.registrationIds,
        present: b.present,
      }),
    refresh,
  );
export const useIssueCertificates = (id: string) =>
  useRefreshingMutation(() => api.post<{ issued: number; registrations: Registration[] }>(`/trainings/${id}/certificates`, {}), refresh);

export const useTeachers = (q: Query) => usePagedList<Teacher>(teacherKeys, '/teachers', q);
export const useTeacher = (id: string | null) =>
  useQuery({ queryKey: teacherKeys.detail(id ?? undefined), queryFn: () => api.get<TeacherDetail>(`/teachers/${id}`), enabled: !!id });
export const useSaveTeacher = (id: string | null) =>
  useRefreshingMutation(
    (b: Record<string, unknown>) => (id ? api.patch<TeacherDetail>(`/teachers/${id}`, b) : api.post<TeacherDetail>('/teachers', b)),
    refresh,
  );

export const useWorkerHours = (workerId: string) =>
  useQuery({ queryKey: [...ceKeys.detail(workerId), 'hours'], queryFn: () => api.get<CeWorkerHours>(`/ce-hours/workers/${workerId}`) });
export const useAddCeEntry = (workerId: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.post<CeEntry>(`/ce-hours/workers/${workerId}/entries`, b), refresh);
export const useCeQueue = (q: Query) => usePagedList<CeQueueEntry>(ceKeys, '/ce-hours/entries', q);
export const useReviewCe = () =>
  useRefreshingMutation(
    (b: { id: string; decision: 'approved' | 'rejected'; note?: string; version: number }) =>
      api.post<CeEntry>(`/ce-hours/entries/${b.id}/review`, { decision: b.decision, note: b.note, version: b.version }),
    refresh,
  );
export const useCeBehind = (q: Query) => usePagedList<CeBehindRow>(resourceKeys('ce-behind'), '/ce-hours/behind', q);
export const useCeRequirements = () =>
  useQuery({ queryKey: ['ce-requirements'], queryFn: () => api.get<RequiredHours>('/ce-hours/requirements') });
export const useSaveCeRequirements = () =>
  useRefreshingMutation(
    (b: RequiredHours) => api.put<RequiredHours>('/ce-hours/requirements', b),
    () => [['ce-requirements'], ceKeys.all],
  );

// Public (no staff session)
const P = '/public';
export const usePublicTraining = (id: string) =>
  useQuery({ queryKey: ['public-training', id], queryFn: () => request<PublicTraining>('GET', `${P}/trainings/${id}`), retry: false });
export const usePublicSignUp = (id: string) =>
  useMutation({
    mutationFn: (body: { name: string; mobile: string; orgName: string }) =>
      request<z.infer<typeof publicSignUpResult>>('POST', `${P}/trainings/${id}/registrations`, { body }),
  });
export const usePublicJoin = (id: string) =>
  useMutation({
    mutationFn: (body: { code: string; name: string; mobile: string }) =>
      request<z.infer<typeof publicJoinResult>>('POST', `${P}/trainings/${id}/join`, { body }),
  });
export const usePublicEvaluate = (id: string) =>
  useMutation({
    mutationFn: (body: { name: string; mobile: string; answers: number[]; comment?: string }) =>
      request<{ ok: true }>('POST', `${P}/trainings/${id}/evaluation`, { body }),
  });
export const useVerifyCertificate = (code: string) =>
  useQuery({
    queryKey: ['public-certificate', code],
    queryFn: () => request<PublicCertificate>('GET', `${P}/certificates/${code}`),
    retry: false,
  });

/** The signed-in public account's registration on the training; null when it has none (404) or no account. */
export const useAccountRegistration = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['public-training', id, 'mine'],
    queryFn: async () => {
      try {
        return await request<AccountRegistration>('GET', `${P}/account/trainings/${id}/registration`, { quiet: true });
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 401)) return null;
        throw e;
      }
    },
    enabled,
    retry: false,
  });
export const useAccountSignUp = (id: string) =>
  useMutation({
    mutationFn: (v: { orgName: string; csrf: string }) =>
      request<AccountRegistration>('POST', `${P}/account/trainings/${id}/registrations`, { body: { orgName: v.orgName }, csrf: v.csrf }),
  });
