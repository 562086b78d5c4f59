// Recording contacts: one row per resident (a household contact shares a group id), due dates
// moved in the same transaction, retries made harmless by the device's idempotency key.
import { narrowScope, nextDueDate, shanghaiToday, type Contact, type contactCreate, type contactListQuery } from '@wushe/core';
import type { z } from 'zod';
import { uuidv7 } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { caseOfResident, touchCase } from '../cases/cases.repo.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { householdRefs, residentRef, type ResidentRef } from '../coverage/resident-refs.repo.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import { normalizeChecklist } from './checklist.ts';
import {
  contactIdsByClientKey,
  insertContact,
  linkableAttachments,
  linkAttachments,
  listContacts,
  serviceTypeExists,
  touchResidentDue,
  workerVisible,
} from './contacts.repo.ts';

export type ContactCreate = z.output<typeof contactCreate>;

export type ContactListInput = z.output<typeof contactListQuery>;

const FUTURE_TOLERANCE_MS = 5 * 60_000; // device clocks drift

export async function findContacts(ctx: Ctx, q: ContactListInput) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listContacts(db, {
      prefix,
      residentId: q.residentId,
      from: q.from,
      to: q.to,
      kind: q.kind,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
}

async function contactsByIds(ctx: Ctx, ids: string[]): Promise<Contact[]> {
  const { items } = await ctx.db.run((db) => listContacts(db, { prefix: ctx.scope, ids, limit: 100, offset: 0 }));
  return items;
}

/** Household rows get `${key}:${residentId}` after the first, so every row stays unique. */
const rowKey = (key: string | undefined, index: number, residentId: string) =>
  key === undefined ? null : index === 0 ? key : `${key}:${residentId}`;

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
};

export async function createContact(ctx: Ctx, body: ContactCreate): Promise<{ items: Contact[]; total: number; replayed: boolean }> {
  if (body.clientKey) {
    const earlier = await ctx.db.run((db) => contactIdsByClientKey(db, ctx.scope, body.clientKey!));
    if (earlier) return { items: await contactsByIds(ctx, earlier), total: earlier.length, replayed: true };
  }
  if (body.kind === 'service' && !body.serviceType) throw fieldError('serviceType', 'contact.serviceType');
  const occurred = new Date(body.occurredAt);
  if (occurred.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) throw fieldError('occurredAt', 'contact.future');
  const occurredOn = shanghaiToday(occurred);
  const workerId = body.workerId ?? ctx.actor.id;
  const attachmentIds = [...new Set(body.attachmentIds)];

  let ids: string[];
  try {
    ids = await ctx.db.tx(async (db) => {
      if (body.serviceType && !(await serviceTypeExists(db, body.serviceType))) {
        throw fieldError('serviceType', 'resident.unknownCode', { code: body.serviceType });
      }
      if (body.workerId && !(await workerVisible(db, ctx.scope, body.workerId))) throw fieldError('workerId', 'contact.unknownWorker');
      const resident = await residentRef(db, ctx.scope, body.residentId, true);
      if (!resident) throw notFound();
      if (body.caseId) {
        const c = await caseOfResident(db, ctx.scope, body.caseId, resident.id);
        if (!c) throw fieldError('caseId', 'contact.caseUnknown');
        if (c.stage === 'closed') throw fieldError('caseId', 'contact.caseClosed');
      }
      let people: ResidentRef[] = [resident];
      if (body.wholeHousehold && resident.householdId) {
        const household = await householdRefs(db, ctx.scope, resident.householdId);
        // The chosen resident first (it carries the key and the attachments), then the others.
        people = [resident, ...household.filter((r) => r.id !== resident.id)];
      }
      const linkable = await linkableAttachments(db, ctx.scope, attachmentIds);
      if (linkable.length !== attachmentIds.length) throw fieldError('attachmentIds', 'attachment.unknown');

      const checklist = await normalizeChecklist(db, body.checklist);
      const intervals = await loadVisitIntervals(db);
      const groupId = people.length > 1 ? uuidv7() : null;
      const created: string[] = [];
      for (const [i, r] of people.entries()) {
        const id = uuidv7();
        await insertContact(db, {
          id,
          residentId: r.id,
          areaCode: r.areaCode,
          groupId,
          kind: body.kind,
          serviceType: body.serviceType ?? null,
          occurredAt: occurred.toISOString(),
          occurredOn,
          durationMinutes: body.durationMinutes ?? null,
          workerId,
          notes: body.notes ?? null,
          // A household visit's checklist is each member's: a need found becomes that resident's task.
          checklist,
          clientKey: rowKey(body.clientKey, i, r.id),
          caseId: i === 0 ? (body.caseId ?? null) : null, // a household visit is part of the chosen resident's case
        });
        // A back-dated contact never moves the last contact backwards.
        const last = r.lastContactOn && r.lastContactOn > occurredOn ? r.lastContactOn : occurredOn;
        await touchResidentDue(db, r.id, last, nextDueDate(last, intervals[r.careLevel]));
        created.push(id);
      }
      await linkAttachments(db, attachmentIds, created[0]!, resident.areaCode);
      if (body.caseId) await touchCase(db, ctx.scope, body.caseId, occurred);
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'contact.create',
          targetType: 'contact',
          targetId: created[0]!,
          areaCode: resident.areaCode,
          after: {
            kind: body.kind,
            serviceType: body.serviceType ?? null,
            occurredAt: occurred.toISOString(),
            workerId,
            residentIds: people.map((p) => p.id),
            groupId,
            attachmentIds,
            checklist,
            caseId: body.caseId ?? null,
          },
        }),
      );
      return created;
    });
  } catch (e) {
    // Two copies of one retry raced: the loser answers with the winner's record.
    if (body.clientKey && isUniqueViolation(e)) {
      const earlier = await ctx.db.run((db) => contactIdsByClientKey(db, ctx.scope, body.clientKey!));
      if (earlier) return { items: await contactsByIds(ctx, earlier), total: earlier.length, replayed: true };
      throw conflict();
    }
    throw e;
  }
  return { items: await contactsByIds(ctx, ids), total: ids.length, replayed: false };
}
