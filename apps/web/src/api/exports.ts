// Excel exports: a list's own query with format=xlsx (or an xlsx endpoint), saved as a file.
import { downloadFile, downloadXlsx, withQuery, type Query } from './client.ts';

export function downloadExport(path: string, query: Query, filename: string, direct = false): Promise<void> {
  return direct
    ? downloadFile(withQuery(path, { ...query, page: undefined, pageSize: undefined }), filename)
    : downloadXlsx(path, query, filename);
}

/** The resident list with clear ID numbers and phones: needs resident.export.unmasked and a purpose (audited). */
export function downloadUnmaskedResidents(query: Query, reason: string, filename: string): Promise<void> {
  return downloadFile(withQuery('/residents/export', { ...query, page: undefined, pageSize: undefined }), filename, { body: { reason } });
}
