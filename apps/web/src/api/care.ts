// Hooks for residents in need, assessments, contacts, due visits, coverage and notifications.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Assessment,
  Contact,
  FollowUp,
  ImportJob,
  InstrumentDefinition,
  LocalizedText,
  ResidentDetail,
  ResidentSummary,
  VisitIntervals,
} from '@wushe/core';
import type { z } from 'zod';
import type { codeListEntry, coverageResponse, dueResponse, notification } from '@wushe/core';
import { useI18n } from '../i18n/index.tsx';
import { api, type Query } from './client.ts';
import type { Page } from './hooks.ts';

export type CodeListEntry = z.infer<typeof codeListEntry>;
export type CodeListName = 'resident_category' | 'assistance_status' | 'service_type';
export type DueResponse = z.infer<typeof dueResponse>;
export type DueItem = DueResponse['items'][number];
export type CoverageResponse = z.infer<typeof coverageResponse>;
export type CoverageCell = CoverageResponse['area'];
export type Notification = z.infer<typeof notification>;
export interface Instrument {
  code: string;
  version: string;
  name: LocalizedText;
  kind: string;
  definition: InstrumentDefinition;
}
export interface DuplicateCandidate {
  id: string;
  name: string;
  idMasked: string;
  birthDate: string | null;
  areaName: string;
}
export type { Assessment, Contact, FollowUp, ImportJob, ResidentDetail, ResidentSummary };

export function useResidents(q: Query, enabled = true) {
  return useQuery({
    queryKey: ['residents', 'list', q],
    queryFn: () => api.get<Page<ResidentSummary>>('/residents', q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: ['residents', 'one', id],
    queryFn: () => api.get<ResidentDetail>(`/residents/${id}`),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: ['code-lists', list],
    queryFn: () => api.get<{ items: CodeListEntry[] }>('/code-lists', { list }),
    staleTime: 10 * 60_000,
  });
}

/** Options and a code → label lookup for a code list, in the current language. */
export function useCodeLabels(list: CodeListName) {
  const { label } = useI18n();
  const q = useCodeList(list);
  const items = q.data?.items ?? [];
  const labelOf = (code: string | null | undefined) => {
    if (!code) return '';
    const e = items.find((i) => i.code === code);
    return e ? label({ zh: e.labelZh, en: e.labelEn }) : code;
  };
  const options = items
    .filter((i) => i.active)
    .sort((a, b) => a.sort - b.sort)
    .map((i) => ({ value: i.code, label: label({ zh: i.labelZh, en: i.labelEn }) }));
  return { labelOf, options, loading: q.isPending };
}

export function useVisitIntervals() {
  return useQuery({
    queryKey: ['settings', 'visit-intervals'],
    queryFn: () => api.get<VisitIntervals>('/settings/visit-intervals'),
    staleTime: 10 * 60_000,
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: () => api.get<Page<Instrument>>('/instruments'),
    staleTime: 10 * 60_000,
  });
}

export function useAssessments(residentId: string) {
  return useQuery({
    queryKey: ['assessments', residentId],
    queryFn: () => api.get<Page<Assessment>>(`/residents/${residentId}/assessments`),
  });
}

export function useContacts(residentId: string, page: number) {
  return useQuery({
    queryKey: ['contacts', residentId, page],
    queryFn: () => api.get<Page<Contact>>('/contacts', { residentId, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useDue(scope: 'me' | 'all', enabled = true) {
  return useQuery({
    queryKey: ['due', scope],
    queryFn: () => api.get<DueResponse>('/due', { scope, days: 7 }),
    enabled,
  });
}

export function useCoverage(area: string | undefined, date: string) {
  return useQuery({
    queryKey: ['coverage', area, date],
    queryFn: () => api.get<CoverageResponse>('/coverage', { area, date }),
    placeholderData: keepPreviousData,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<Page<Notification> & { unread: number }>('/notifications'),
    // Urgent alerts (PHQ-9 item 9) should reach the station head without a reload.
    refetchInterval: 30_000,
    staleTime: 0,
  });
}

export interface FollowUpQuery {
  status: 'open' | 'overdue' | 'done' | 'all';
  mine?: boolean;
  residentId?: string;
  area?: string;
  page?: number;
  pageSize?: number;
}

/** The list's query string (also the export's): `mine` only when set. */
export const followUpParams = (q: FollowUpQuery): Query => ({ ...q, mine: q.mine ? 'true' : undefined });

export function useFollowUps(q: FollowUpQuery, enabled = true) {
  return useQuery({
    queryKey: ['follow-ups', q],
    queryFn: () => api.get<Page<FollowUp>>('/follow-ups', followUpParams(q)),
    // Paging keeps the current page on screen while the next loads (never another resident's).
    placeholderData: q.residentId ? undefined : keepPreviousData,
    // Due times pass while the page is open: overdue shows without a reload.
    refetchInterval: 60_000,
    enabled,
  });
}

export const ImportPoll = (id: string) => api.get<ImportJob>(`/residents/import/${id}`);
