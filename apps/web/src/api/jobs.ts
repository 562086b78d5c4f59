// Jobs (招聘) and job fairs (招聘会): the staff lists, a post with its applications and their
// stages, the CV download, the hire added to the register; the public pages and applying as a
// public account (its own CSRF token).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Job,
  JobApplication,
  JobFair,
  PublicJob,
  jobFairSummary,
  myJobApplication,
  publicJobFair,
  publicJobSummary,
} from '@wushe/core';
import type { z } from 'zod';
import { api, downloadFile, request, type Query } from './client.ts';
import { publicAccountKeys } from './publicAccount.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';

export type { Job, JobApplication, JobFair, PublicJob };
export type JobFairSummary = z.infer<typeof jobFairSummary>;
export type PublicJobSummary = z.infer<typeof publicJobSummary>;
export type PublicJobFair = z.infer<typeof publicJobFair>;
export type MyJobApplication = z.infer<typeof myJobApplication>;

export const jobKeys = resourceKeys('jobs');
export const fairKeys = resourceKeys('job-fairs');
const refreshJobs = () => [jobKeys.all];
const refreshFairs = () => [fairKeys.all];

export const useJobs = (q: Query) => usePagedList<Job>(jobKeys, '/jobs', q);
export const useJob = (id: string) => useQuery({ queryKey: jobKeys.detail(id), queryFn: () => api.get<Job>(`/jobs/${id}`) });
export const useJobApplications = (id: string, q: Query) =>
  useQuery({
    queryKey: [...jobKeys.detail(id), 'applications', q],
    queryFn: () => api.get<{ items: JobApplication[]; total: number }>(`/jobs/${id}/applications`, q),
  });
export const useCreateJob = () => useRefreshingMutation((b: Record<string, unknown>) => api.post<Job>('/jobs', b), refreshJobs);
export const useUpdateJob = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<Job>(`/jobs/${id}`, b), refreshJobs);
export const useJobStatus = (id: string) =>
  useRefreshingMutation((b: { status: Job['status']; version: number }) => api.post<Job>(`/jobs/${id}/status`, b), refreshJobs);
export const useMoveApplication = () =>
  useRefreshingMutation(
    (b: { id: string; stage: JobApplication['stage']; reason?: string; version: number }) =>
      api.post<JobApplication>(`/job-applications/${b.id}/stage`, { stage: b.stage, reason: b.reason, version: b.version }),
    refreshJobs,
  );
export const useRevealApplicant = () =>
  useMutation({
    mutationFn: (b: { id: string; reason: string }) =>
      api.post<{ mobile: string }>(`/job-applications/${b.id}/reveal`, { reason: b.reason }),
  });
export const useAddToRegister = () =>
  useRefreshingMutation((id: string) => api.post<JobApplication>(`/job-applications/${id}/register`), refreshJobs);
export const downloadCv = (a: JobApplication) => downloadFile(`/job-applications/${a.id}/cv`, a.cv.filename);

export const useFairs = (q: Query) => usePagedList<JobFairSummary>(fairKeys, '/job-fairs', q);
export const useFair = (id: string) => useQuery({ queryKey: fairKeys.detail(id), queryFn: () => api.get<JobFair>(`/job-fairs/${id}`) });
export const useCreateFair = () => useRefreshingMutation((b: Record<string, unknown>) => api.post<JobFair>('/job-fairs', b), refreshFairs);
export const useUpdateFair = (id: string) =>
  useRefreshingMutation((b: Record<string, unknown>) => api.patch<JobFair>(`/job-fairs/${id}`, b), refreshFairs);

// ---- Public pages

export const usePublicJobs = (q: Query) =>
  useQuery({
    queryKey: ['public-jobs', q],
    queryFn: () => request<{ items: PublicJobSummary[]; total: number }>('GET', '/public/jobs', { query: q }),
  });
export const usePublicJob = (id: string) =>
  useQuery({ queryKey: ['public-job', id], queryFn: () => request<PublicJob>('GET', `/public/jobs/${id}`) });
export const usePublicFairs = () =>
  useQuery({ queryKey: ['public-job-fairs'], queryFn: () => request<PublicJobFair[]>('GET', '/public/job-fairs') });
export const usePublicFair = (id: string) =>
  useQuery({ queryKey: ['public-job-fair', id], queryFn: () => request<PublicJobFair>('GET', `/public/job-fairs/${id}`) });
export const useMyJobApplication = (jobId: string, signedIn: boolean) =>
  useQuery({
    queryKey: ['my-job-application', jobId],
    queryFn: () => request<{ application: MyJobApplication | null }>('GET', `/public/account/jobs/${jobId}/application`, { quiet: true }),
    enabled: signedIn,
  });

export function useApplyToJob(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: Record<string, unknown>; csrf: string }) =>
      request<MyJobApplication>('POST', `/public/account/jobs/${jobId}/applications`, { body: v.body, csrf: v.csrf }),
    onSuccess: (a) => {
      qc.setQueryData(['my-job-application', jobId], { application: a });
      void qc.invalidateQueries({ queryKey: publicAccountKeys.me });
    },
  });
}
export function useWithdrawApplication(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; csrf: string }) =>
      request<MyJobApplication>('POST', `/public/account/job-applications/${v.id}/withdraw`, { body: {}, csrf: v.csrf }),
    onSuccess: (a) => qc.setQueryData(['my-job-application', jobId], { application: a }),
  });
}
