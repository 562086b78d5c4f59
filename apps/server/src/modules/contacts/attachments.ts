// Attachments (photos, PDFs) for contacts: uploaded first as base64 JSON, checked by their
// magic bytes, kept in the database; linked to a contact when it is recorded.
import type { attachmentUpload } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { attachmentById, insertAttachment } from './attachments.repo.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Decodes strict base64 (a `data:` URL prefix is tolerated); null when it is not base64. */
export function decodeBase64(data: string): Buffer | null {
  const body = data.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) return null;
  return Buffer.from(body, 'base64');
}

export function contentMatches(contentType: string, bytes: Buffer): boolean {
  return MAGIC[contentType]?.(bytes) ?? false;
}

/** The decoded bytes of an upload, or a 400 on `path`: not base64, empty, over 5 MB, or not the type it claims. */
export function checkedUpload(body: z.output<typeof attachmentUpload>, path = 'data'): Buffer {
  const bytes = decodeBase64(body.data);
  if (!bytes || bytes.length === 0) throw fieldError(path, 'attachment.encoding');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldError(path, 'attachment.tooLarge');
  if (!contentMatches(body.contentType, bytes)) throw fieldError(path, 'attachment.type');
  return bytes;
}

export async function uploadAttachment(ctx: Ctx, body: z.output<typeof attachmentUpload>) {
  const bytes = checkedUpload(body);
  const id = uuidv7();
  // Until it is linked, the file belongs to the uploader's area.
  const areaCode = ctx.actor.area.code;
  await ctx.db.tx(async (db) => {
    const { filename, contentType } = body;
    await insertAttachment(db, {
      id,
      areaCode,
      filename,
      contentType,
      size: bytes.length,
      content: bytes.toString('base64'),
      createdBy: ctx.actor.id,
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'attachment.upload',
        targetType: 'attachment',
        targetId: id,
        areaCode,
        after: { filename: body.filename, contentType: body.contentType, size: bytes.length },
      }),
    );
  });
  return { id, filename: body.filename, contentType: body.contentType, size: bytes.length };
}

export async function sendAttachment(ctx: Ctx, id: string, reply: FastifyReply) {
  const a = await ctx.db.run((db) => attachmentById(db, ctx.scope, id));
  if (!a) throw notFound();
  const inline = a.content_type.startsWith('image/');
  return reply
    .header('content-type', a.content_type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(Buffer.from(a.content, 'base64'));
}
