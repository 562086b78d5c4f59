// Exports that hand out clear personal data state their purpose, like a reveal.
import { z } from 'zod';

/** `POST /residents/export`: the list's filter in the query, the purpose here. */
export const unmaskedExportBody = z.object({
  reason: z.string({ error: 'export.reason' }).trim().min(2, { error: 'export.reason' }).max(200),
});
