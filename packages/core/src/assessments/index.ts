// Built-in instruments and the lookup by code (latest version unless one is asked for).
import { GBT42195 } from './gbt42195.ts';
import { GAD7, GDS15, PHQ9 } from './mental.ts';
import { NEEDS_SURVEY } from './needs.ts';
import type { InstrumentDefinition } from './schema.ts';

export * from './schema.ts';
export * from './score.ts';
export * from './urgent.ts';
export { ASSESSMENT_REASONS, GBT42195 } from './gbt42195.ts';
export { GAD7, GDS15, PHQ9 } from './mental.ts';
export { NEEDS_SURVEY } from './needs.ts';

export const BUILTIN_INSTRUMENTS: InstrumentDefinition[] = [GBT42195, GDS15, PHQ9, GAD7, NEEDS_SURVEY];

/** Finds an instrument by code (and version); without a version, the last one listed wins. */
export function instrumentByCode(
  code: string,
  version?: string,
  instruments: InstrumentDefinition[] = BUILTIN_INSTRUMENTS,
): InstrumentDefinition | undefined {
  const matches = instruments.filter((i) => i.code === code && (version === undefined || i.version === version));
  return matches[matches.length - 1];
}
