// Statistical division codes (统计用区划代码): 12 digits, province 2 + city 2 + county 2 +
// township/street 3 + village/community 3. Grids (网格) extend a community code with a
// local suffix. The significant prefix of a code is its scope: "this area and below".

export type AreaLevel = 'province' | 'city' | 'county' | 'street' | 'community' | 'grid';

export const AREA_LEVELS: AreaLevel[] = ['province', 'city', 'county', 'street', 'community', 'grid'];

const PREFIX_LENGTH: Record<Exclude<AreaLevel, 'grid'>, number> = {
  province: 2,
  city: 4,
  county: 6,
  street: 9,
  community: 12,
};

/** Pads a short code (2, 4, 6, 9 digits) to the 12-digit form; longer codes are kept. */
export function normalizeAreaCode(code: string): string {
  return code.length >= 12 ? code : code.padEnd(12, '0');
}

/** The level of a normalized code, read off its trailing zeros. */
export function areaLevel(code: string): AreaLevel {
  if (code.length > 12) return 'grid';
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'street';
  return 'community';
}

/** The significant prefix: every code below this area starts with it. */
export function areaPrefix(code: string): string {
  const level = areaLevel(code);
  return level === 'grid' ? code : code.slice(0, PREFIX_LENGTH[level]);
}

/** Is `code` equal to or below the area whose prefix is `scope`? */
export function inScope(scope: string, code: string): boolean {
  return code.startsWith(scope);
}

/** The codes of every ancestor of a code, top first (excluding the code itself). */
export function areaAncestors(code: string): string[] {
  const out: string[] = [];
  const level = areaLevel(code);
  const depth = AREA_LEVELS.indexOf(level);
  // A grid's levels 0–4 already end with its community (the first 12 digits).
  for (let i = 0; i < depth && i < 5; i++) {
    const len = PREFIX_LENGTH[AREA_LEVELS[i] as Exclude<AreaLevel, 'grid'>];
    out.push(normalizeAreaCode(code.slice(0, len)));
  }
  return out;
}

export const AREA_CODE_PATTERN = /^\d{12}(\d{1,6})?$/;

/** A code as people type it: 2, 4, 6 or 9 digits (their level's prefix), 12, or a longer grid code. */
export const AREA_CODE_INPUT_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12}|\d{13,18})$/;

/**
 * Area codes as people type them: officials know their district as `350206`, so 2-, 4-, 6- and
 * 9-digit codes are padded to 12 (`350206` → `350206000000`); 12 digits and longer grid codes
 * are kept; anything else is null (not an area code).
 */
export function parseAreaCode(input: string): string | null {
  const code = input.trim();
  return AREA_CODE_INPUT_PATTERN.test(code) ? normalizeAreaCode(code) : null;
}

/**
 * Narrows a scope by an area filter: the filter's prefix when it lies within the scope, the
 * scope itself when the filter is an ancestor, and null (nothing visible) otherwise.
 */
export function narrowScope(scope: string, filterCode?: string): string | null {
  if (!filterCode) return scope;
  const prefix = areaPrefix(filterCode);
  if (prefix.startsWith(scope)) return prefix;
  if (scope.startsWith(prefix)) return scope;
  return null;
}

/** How long the codes of an area's children are significant for: 4 under a province, … */
export function childPrefixLength(code: string): number | null {
  const map: Partial<Record<AreaLevel, number>> = { province: 4, city: 6, county: 9, street: 12 };
  return map[areaLevel(code)] ?? null;
}
