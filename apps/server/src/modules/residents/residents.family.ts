// Editing a resident's family lists. Phones (and a guardian's ID number) leave the server only
// masked, so the form sends them back blank unless retyped: a blank one keeps what is stored.
import type { Family, FieldProblem } from '@wushe/db';
import type { residentUpdate } from '@wushe/core';
import type { z } from 'zod';

type Body = Pick<z.output<typeof residentUpdate>, 'householdMembers' | 'emergencyContacts' | 'guardian'>;
type Person = { name: string; relation: string; phone?: string | null; idNumber?: string | null };

/**
 * The sent lists, with a blank phone taken from the stored person of the same name (same list
 * first: a relation may be corrected in the same edit); an emergency contact or guardian still
 * without a phone is a field problem. Only the lists sent are returned.
 */
export function keepFamilyValues(stored: Family, body: Body): { family: Partial<Family>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const guardians: Person[] = stored.guardian ? [stored.guardian] : [];
  const everyone: Person[] = [...stored.householdMembers, ...stored.emergencyContacts, ...guardians];
  const phoneOf = (p: Person, own: Person[]) =>
    p.phone || own.find((s) => s.name === p.name)?.phone || everyone.find((s) => s.name === p.name)?.phone || null;
  const family: Partial<Family> = {};
  if (body.householdMembers !== undefined) {
    family.householdMembers = body.householdMembers.map((p) => ({ ...p, phone: phoneOf(p, stored.householdMembers) }));
  }
  if (body.emergencyContacts !== undefined) {
    family.emergencyContacts = body.emergencyContacts.map((p, i) => {
      const phone = phoneOf(p, stored.emergencyContacts);
      if (!phone) problems.push({ path: `emergencyContacts.${i}.phone`, key: 'field.required' });
      return { ...p, phone: phone ?? '' };
    });
  }
  if (body.guardian !== undefined) {
    const g = body.guardian;
    if (g) {
      const phone = phoneOf(g, guardians);
      if (!phone) problems.push({ path: 'guardian.phone', key: 'field.required' });
      const keepId = stored.guardian?.name === g.name ? stored.guardian.idNumber : null;
      family.guardian = { ...g, phone: phone ?? '', idNumber: g.idNumber || keepId || null };
    } else family.guardian = null;
  }
  return { family, problems };
}
