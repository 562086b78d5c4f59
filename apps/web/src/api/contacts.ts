// Contacts (走访记录) and their photo attachments.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Contact } from '@wushe/core';
import { caseKeys } from './cases.ts';
import { coverageKeys } from './coverage.ts';
import { readBase64 } from './files.ts';
import { followUpKeys } from './followups.ts';
import { api } from './client.ts';
import { useRefreshingMutation, type Page } from './query.ts';
import { residentKeys } from './residents.ts';
import { supervisionKeys } from './supervision.ts';

export type { Contact };

export const contactKeys = {
  all: ['contacts'] as const,
  byResident: (residentId: string, page?: number) =>
    page === undefined ? (['contacts', residentId] as const) : (['contacts', residentId, page] as const),
};

export function useContacts(residentId: string, page: number) {
  return useQuery({
    queryKey: contactKeys.byResident(residentId, page),
    queryFn: () => api.get<Page<Contact>>('/contacts', { residentId, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

/** Uploads one photo; the contact then lists its id. */
export const uploadAttachment = (body: { filename: string; contentType: string; data: string }) =>
  api.post<{ id: string }>('/attachments', body);

/**
 * A contact moves the resident's last/next visit dates (profile, lists, due list); one recorded
 * as part of a case also lands on its timeline and moves its last activity and days since contact
 * (the case lists and the supervision caseload).
 */
export function useCreateContact(residentId: string, caseId?: string) {
  return useRefreshingMutation(
    (body: Record<string, unknown>) => api.post<Contact>('/contacts', body),
    () => [
      contactKeys.byResident(residentId),
      residentKeys.all,
      coverageKeys.allDue,
      ...(caseId ? [caseKeys.detail(caseId), caseKeys.timelines(caseId), caseKeys.lists(), supervisionKeys.caseloads()] : []),
    ],
  );
}

/** A flagged checklist item becomes a follow-up task (once: a repeat answers with the same task). */
export function useChecklistFollowUp(residentId: string) {
  return useRefreshingMutation(
    ({ contactId, item, dueOn }: { contactId: string; item: string; dueOn?: string }) =>
      api.post<{ id: string; dueAt: string }>(`/contacts/${contactId}/follow-ups`, { item, dueOn }),
    () => [contactKeys.byResident(residentId), followUpKeys.all],
  );
}

/** Uploads a file picked in the browser (read as base64) as an attachment. */
export async function uploadFile(file: File): Promise<{ id: string }> {
  return uploadAttachment({ filename: file.name, contentType: file.type || 'application/octet-stream', data: await readBase64(file) });
}
