// Data for the printed pages: a visit record with its resident, and an assessment with its answers
// (the answers endpoint is audited, as on the profile).
import { useQuery } from '@tanstack/react-query';
import type { Assessment, AssessmentAnswers, AssessmentExtras, ContactPrint } from '@wushe/core';
import { api } from './client.ts';

export const printKeys = {
  contact: (id: string) => ['print', 'contact', id] as const,
  assessment: (id: string) => ['print', 'assessment', id] as const,
};

export const useContactPrint = (id: string) =>
  useQuery({ queryKey: printKeys.contact(id), queryFn: () => api.get<ContactPrint>(`/contacts/${id}/print`), retry: false });

export type AssessmentWithAnswers = Assessment & { answers: AssessmentAnswers; extras: AssessmentExtras };

export const useAssessmentReport = (id: string) =>
  useQuery({
    queryKey: printKeys.assessment(id),
    queryFn: () => api.get<AssessmentWithAnswers>(`/assessments/${id}`),
    retry: false,
    staleTime: Infinity,
  });
