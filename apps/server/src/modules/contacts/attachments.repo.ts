import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface StoredAttachment {
  id: string;
  areaCode: string;
  filename: string;
  contentType: string;
  size: number;
  /** base64 */
  content: string;
  /** The staff uploader; null for a public applicant's proof (the application records who). */
  createdBy: string | null;
}

export async function insertAttachment(db: Db, a: StoredAttachment): Promise<void> {
  await db.execute(sql`INSERT INTO attachments (id, area_code, filename, content_type, size, content, created_by)
    VALUES (${a.id}, ${a.areaCode}, ${a.filename}, ${a.contentType}, ${a.size}, ${a.content}, ${a.createdBy})`);
}

export async function attachmentById(db: Db, scope: string, id: string) {
  const found = await rows<{ filename: string; content_type: string; content: string }>(
    db,
    sql`SELECT filename, content_type, content FROM attachments WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found[0];
}

/** Which of `ids` are attachments in the scope (photos a record may refer to). */
export async function attachmentsInScope(db: Db, scope: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM attachments WHERE id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`area_code`, scope)}`,
  );
  return found.map((r) => r.id);
}
