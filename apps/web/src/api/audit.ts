// The audit log (read only).
import type { AuditRecord } from '@wushe/core';
import type { Query } from './client.ts';
import { resourceKeys, usePagedList } from './query.ts';

export const auditKeys = resourceKeys('audit');

export const useAudit = (q: Query) => usePagedList<AuditRecord>(auditKeys, '/audit', q);
