// The audit log as a reader sees it: each record with its sentence, names and labelled changes.
import { z } from 'zod';
import { auditEntry } from './users.ts';

export const auditChange = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const auditRecord = auditEntry.extend({
  /** "江头社工 登记了 蔡土生", in the reader's language. */
  text: z.string(),
  /** The kind of action in words. */
  kind: z.string(),
  /** The actor's name (the account name when the account lies outside the reader's area). */
  actorLabel: z.string().nullable(),
  target: z
    .object({
      type: z.string(),
      id: z.string().nullable(),
      label: z.string().nullable(),
      /** The web page of the record (a resident's profile …), when there is one. */
      link: z.string().nullable(),
    })
    .nullable(),
  areaName: z.string().nullable(),
  changes: z.array(auditChange),
});
export type AuditRecord = z.infer<typeof auditRecord>;
