import {
  attachmentUpload,
  checklistFollowUpCreate,
  contact,
  contactCreate,
  contactListQuery,
  followUp,
  idParams,
  listOf,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { sendAttachment, uploadAttachment } from './attachments.ts';
import { followUpFromChecklist } from './checklist.ts';
import { createContact, findContacts } from './contacts.service.ts';

const tags = ['contacts'];

export function contactsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/contacts',
    problems: { 404: true, 409: true }, // 404: the resident is not in scope; 409: two copies of one retry racing
    access: 'contact.write',
    summary: 'Record a visit, call or service (optionally for the whole household); a repeated clientKey returns the earlier record',
    tags,
    body: contactCreate,
    response: listOf(contact).extend({ replayed: z.boolean() }),
    handler: (ctx, { body }) => createContact(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/contacts',
    access: 'resident.read',
    summary: 'Contacts in scope, newest first, with worker names and attachments',
    tags,
    query: contactListQuery,
    response: listOf(contact),
    handler: (ctx, { query }) => findContacts(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/contacts/:id/follow-ups',
    problems: { 404: true }, // 404: the contact is not in scope
    access: 'contact.write',
    summary: 'Turn a flagged checklist item (e.g. a need found) into a follow-up task; a second call returns the same task',
    tags,
    params: idParams,
    body: checklistFollowUpCreate,
    response: followUp.extend({ replayed: z.boolean() }),
    handler: (ctx, { params, body }) => followUpFromChecklist(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/attachments',
    operationId: 'uploadAttachment',
    access: 'contact.write',
    summary: 'Upload a photo or PDF (base64, ≤ 5 MB; type checked by content) to link to a contact',
    tags,
    body: attachmentUpload,
    bodyLimit: 8 * 1024 * 1024,
    response: z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number() }),
    handler: (ctx, { body }) => uploadAttachment(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/attachments/:id',
    download: 'file',
    access: 'resident.read',
    summary: "Download an attachment (404 outside the caller's scope)",
    tags,
    params: idParams,
    handler: (ctx, { params }, _req, reply) => sendAttachment(ctx, params.id, reply),
  });
}
