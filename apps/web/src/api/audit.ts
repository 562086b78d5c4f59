// The audit log (read only).
import type { AuditEntry } from '@wushe/core';
import type { Query } from './client.ts';
import { resourceKeys, usePagedList } from './query.ts';

export const auditKeys = resourceKeys('audit');

export const useAudit = (q: Query) => usePagedList<AuditEntry>(auditKeys, '/audit', q);
