// Assessments and the instruments (量表) they use.
import { useQuery } from '@tanstack/react-query';
import type { Assessment, InstrumentDefinition, LocalizedText } from '@wushe/core';
import { coverageKeys } from './coverage.ts';
import { api } from './client.ts';
import { dashboardKeys } from './dashboard.ts';
import { followUpKeys } from './followups.ts';
import { notificationKeys } from './notifications.ts';
import { useRefreshingMutation, type Page } from './query.ts';
import { residentKeys } from './residents.ts';

export type { Assessment };
export interface Instrument {
  code: string;
  version: string;
  name: LocalizedText;
  kind: string;
  definition: InstrumentDefinition;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  byResident: (residentId: string) => ['assessments', residentId] as const,
  instruments: () => ['instruments'] as const,
};

export function useInstruments() {
  return useQuery({
    queryKey: assessmentKeys.instruments(),
    queryFn: () => api.get<Page<Instrument>>('/instruments'),
    staleTime: 10 * 60_000,
  });
}

export function useAssessments(residentId: string) {
  return useQuery({
    queryKey: assessmentKeys.byResident(residentId),
    queryFn: () => api.get<Page<Assessment>>(`/residents/${residentId}/assessments`),
  });
}

/**
 * Saves an assessment: it may change the care level (resident, due list) and an urgent flag
 * notifies station heads and opens a follow-up.
 */
export function useCreateAssessment(residentId: string) {
  return useRefreshingMutation(
    (body: Record<string, unknown>) => api.post<Assessment>(`/residents/${residentId}/assessments`, body),
    () => [
      assessmentKeys.byResident(residentId),
      residentKeys.all,
      coverageKeys.allDue,
      notificationKeys.all,
      followUpKeys.all,
      dashboardKeys.all,
    ],
  );
}
