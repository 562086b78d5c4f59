// The visit record (走访记录表) for print: the contact and its resident, masked. Reading a
// record is not audited (as on screen); a reveal on the printed page goes through the reveal.
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { listContacts } from '../contacts/contacts.repo.ts';
import { getResidentIn } from '../residents/residents.service.ts';

export async function contactForPrint(ctx: Ctx, id: string) {
  return ctx.db.run(async (db) => {
    const { items } = await listContacts(db, { prefix: ctx.scope, ids: [id], limit: 1, offset: 0 });
    const contact = items[0];
    if (!contact) throw notFound();
    return { contact, resident: await getResidentIn(db, ctx, contact.residentId) };
  });
}
