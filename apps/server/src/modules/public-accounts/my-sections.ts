// The "my" page's sections (applications, trainings, hours, certificates), filled by the modules
// that own them, as check-in kinds are registered: a module calls registerMySection(kind, source)
// at load time, and GET /public/account/me lists each kind with what its sources return.
import { sectionKind, type SectionItem, type SectionKind } from '@wushe/core';
import type { Database } from '@wushe/db';

/** What a source is given: the database (as the owner finds the account's rows) and the account. */
export interface MySectionInput {
  database: Database;
  accountId: string;
  now: Date;
}

export type MySectionSource = (input: MySectionInput) => Promise<SectionItem[]>;

const sources = new Map<SectionKind, MySectionSource[]>();

export function registerMySection(kind: SectionKind, source: MySectionSource): void {
  sources.set(kind, [...(sources.get(kind) ?? []), source]);
}

/** Every section, in a fixed order, empty until a module registers a source for it. */
export async function mySections(input: MySectionInput): Promise<{ kind: SectionKind; items: SectionItem[] }[]> {
  return Promise.all(
    sectionKind.options.map(async (kind) => ({
      kind,
      items: (await Promise.all((sources.get(kind) ?? []).map((s) => s(input)))).flat(),
    })),
  );
}
