// Who the demo residents are: age group, categories, assistance status, care level, community,
// family, registration date. Pure (no database, no keys): the same plan for the same seed,
// areas and `today`. Proportions follow what a street station's register looks like: mostly
// elderly (独居, 空巢, 失能, 孤寡, 留守老人), some children in difficulty, some working-age
// adults on 低保 or with a disability; care levels about 10% / 25% / 45% / 20% for levels 1–4.
import { addDays, addMonths, makeIdNumber, type CareLevel, type ResidentInput } from '@wushe/core';
import {
  ADULT_HEALTH,
  CHILD_HEALTH,
  chance,
  int,
  mobile,
  personName,
  pick,
  ROADS,
  SENIOR_HEALTH,
  surname,
  weighted,
  type Generation,
  type Rng,
  type Sex,
} from './names.ts';

export interface DemoCommunity {
  code: string;
  name: string;
  streetName: string;
  weight: number;
}

export interface PlannedResident {
  index: number;
  generation: Generation;
  input: ResidentInput;
  birth: string; // YYYY-MM-DD
  registeredOn: string;
  /** Index of the spouse this resident shares a household with (the household's first member). */
  spouseOf: number | null;
  risk: number;
}

const CONSENT_PURPOSE = '建立服务对象档案，开展走访、评估与关爱服务';

const ELDER_PRIMARY = [
  ['living_alone', 30],
  ['empty_nest', 35],
  ['disabled_care', 12],
  ['childless_elder', 8],
  ['left_behind_elder', 15],
] as const;
const CHILD_PRIMARY = [
  ['child_difficulty', 45],
  ['left_behind_child', 35],
  ['orphan', 8],
  ['unsupported_child', 12],
] as const;
const ADULT_PRIMARY = [
  ['dibao', 35],
  ['disability', 25],
  ['expense_hardship', 25],
  ['single_mother', 6],
  ['severe_disability', 5],
  ['dibao_edge', 4],
] as const;

/** How much attention a category asks for: sorts residents into care levels. */
const RISK: Record<string, number> = {
  disabled_care: 3,
  severe_disability: 2.5,
  childless_elder: 2,
  living_alone: 1.5,
  orphan: 1.6,
  unsupported_child: 1.4,
  child_difficulty: 1,
  left_behind_elder: 0.8,
  empty_nest: 0.7,
  left_behind_child: 0.6,
  disability: 0.9,
  tekun: 0.5,
  dibao: 0.3,
  dibao_edge: 0.2,
  expense_hardship: 0.5,
  single_mother: 0.6,
  veteran_hardship: 0.3,
  family_planning_special: 0.6,
};

/** Care level shares for levels 1–4 (cumulative cut-offs over residents sorted by risk). */
export const CARE_LEVEL_SHARES = [0.1, 0.25, 0.45, 0.2] as const;

/** A birth date for someone exactly `age` on `today`. */
const birthFor = (rng: Rng, today: string, age: number) => addDays(addMonths(today, -12 * age), -int(rng, 0, 364));

/** Elderly ages 60–95, most between 65 and 85. */
const elderAge = (rng: Rng) => 60 + Math.min(35, Math.floor(((rng() + rng() + rng()) / 3) * 36));

function categoriesFor(rng: Rng, generation: Generation, sex: Sex, age: number): string[] {
  const out = new Set<string>();
  if (generation === 'elder') {
    out.add(weighted(rng, ELDER_PRIMARY));
    if (out.has('childless_elder') && chance(rng, 0.7)) out.add('tekun');
    else if (chance(rng, 0.12)) out.add('dibao');
    else if (chance(rng, 0.05)) out.add('dibao_edge');
    if (age >= 85 && !out.has('disabled_care') && chance(rng, 0.2)) out.add('disabled_care');
    if (chance(rng, 0.08)) out.add(chance(rng, 0.3) ? 'severe_disability' : 'disability');
    if (chance(rng, 0.03)) out.add('family_planning_special');
    if (sex === 'male' && chance(rng, 0.03)) out.add('veteran_hardship');
  } else if (generation === 'child') {
    out.add(weighted(rng, CHILD_PRIMARY));
    if (chance(rng, 0.2)) out.add('dibao');
    if (chance(rng, 0.06)) out.add('disability');
  } else {
    let primary: string = weighted(rng, ADULT_PRIMARY);
    if (primary === 'single_mother' && sex === 'male') primary = 'dibao';
    out.add(primary);
    if (primary !== 'disability' && primary !== 'severe_disability' && chance(rng, 0.12)) out.add('disability');
    if (primary !== 'dibao' && chance(rng, 0.1)) out.add('dibao');
    if (sex === 'female' && chance(rng, 0.03)) out.add('left_behind_woman');
    if (sex === 'male' && chance(rng, 0.03)) out.add('veteran_hardship');
  }
  return [...out].slice(0, 3);
}

function assistanceFor(rng: Rng, categories: string[]): string | null {
  if (categories.includes('tekun') || categories.includes('orphan')) return 'tekun';
  if (categories.includes('dibao')) return 'dibao';
  if (categories.includes('dibao_edge')) return 'dibao_edge';
  if (categories.includes('expense_hardship') && chance(rng, 0.7)) return 'rigid_expense';
  return chance(rng, 0.05) ? 'poverty_watch' : null;
}

const GUARDIAN_RELATIONS: Record<string, string[]> = {
  left_behind_child: ['祖父', '祖母', '外祖父', '外祖母'],
  child_difficulty: ['父亲', '母亲'],
  orphan: ['叔叔', '姑姑', '舅舅', '祖母'],
  unsupported_child: ['祖母', '伯父', '外祖母'],
};
const PATERNAL = new Set(['祖父', '祖母', '叔叔', '姑姑', '伯父', '父亲']);
const MALE_RELATION = new Set(['祖父', '外祖父', '父亲', '叔叔', '舅舅', '伯父']);

/** Registered over the past 13 months: a first registration drive, then a steady trickle. */
const registeredFor = (rng: Rng, today: string) => addDays(today, -(chance(rng, 0.4) ? int(rng, 350, 395) : int(rng, 1, 349)));

interface Person {
  rng: Rng;
  today: string;
  index: number;
  generation: Generation;
  sex: Sex;
  age: number;
  community: DemoCommunity;
  address: string;
  family?: string;
  seqs: Set<string>;
}

function idFor(p: Person, birth: string): string {
  const compact = birth.replace(/-/g, '');
  for (;;) {
    const seq = int(p.rng, 0, 499) * 2 + (p.sex === 'male' ? 1 : 0); // odd = male, even = female
    const key = `${compact}${seq}`;
    if (p.seqs.has(key)) continue;
    p.seqs.add(key);
    return makeIdNumber('350206', compact, seq);
  }
}

function makePerson(p: Person, categories: string[], registeredOn: string): PlannedResident {
  const { rng, generation, sex } = p;
  const family = p.family ?? surname(rng);
  const name = personName(rng, generation, sex, family);
  const birth = birthFor(rng, p.today, p.age);
  const minor = generation === 'child';
  const emergencyContacts: ResidentInput['emergencyContacts'] = [];
  const householdMembers: ResidentInput['householdMembers'] = [];
  let guardian: ResidentInput['guardian'] = null;
  if (minor) {
    const relation = pick(rng, GUARDIAN_RELATIONS[categories[0]!] ?? ['母亲']);
    const gFamily = PATERNAL.has(relation) ? family : surname(rng);
    const gName = personName(rng, relation.includes('祖') ? 'elder' : 'adult', MALE_RELATION.has(relation) ? 'male' : 'female', gFamily);
    guardian = { name: gName, relation, phone: mobile(rng), idNumber: null };
  } else if (!categories.includes('childless_elder') && chance(rng, 0.85)) {
    const childSex: Sex = chance(rng, 0.5) ? 'male' : 'female';
    const relation = generation === 'elder' ? (childSex === 'male' ? '儿子' : '女儿') : pick(rng, ['兄弟', '姐妹', '父亲', '母亲']);
    emergencyContacts.push({
      name: personName(rng, 'adult', childSex, childSex === 'male' ? family : undefined),
      relation,
      phone: mobile(rng),
    });
  }
  if (generation === 'elder' && categories.includes('empty_nest') && p.family === undefined && chance(rng, 0.5)) {
    householdMembers.push({
      name: personName(rng, 'elder', sex === 'male' ? 'female' : 'male'),
      relation: '配偶',
      phone: null,
      note: null,
    });
  }
  const healthList = generation === 'elder' ? SENIOR_HEALTH : generation === 'adult' ? ADULT_HEALTH : CHILD_HEALTH;
  const sick = categories.some((c) => c === 'disabled_care' || c.endsWith('disability')) ? 0.85 : generation === 'elder' ? 0.35 : 0.1;
  const input: ResidentInput = {
    name,
    documentType: 'resident_id',
    idNumber: idFor(p, birth),
    phone: minor ? null : chance(rng, generation === 'elder' ? 0.8 : 0.95) ? mobile(rng) : null,
    address: p.address,
    areaCode: p.community.code,
    householdMembers,
    emergencyContacts,
    guardian,
    householdId: null,
    categories,
    assistanceStatus: assistanceFor(rng, categories),
    careLevel: 3,
    healthNotes: chance(rng, sick) ? pick(rng, healthList) : null,
    notes: null,
    consent: { purpose: CONSENT_PURPOSE, date: registeredOn, givenBy: guardian?.name ?? name, byGuardian: minor },
    assignedWorkerId: null,
    allowPossibleDuplicate: false,
  };
  const ageRisk = generation === 'elder' ? (p.age - 60) / 15 : 0;
  const risk = categories.reduce((s, c) => s + (RISK[c] ?? 0), 0) + ageRisk + (rng() - 0.5) * 1.6;
  return { index: p.index, generation, input, birth, registeredOn, spouseOf: null, risk };
}

/** The demo's residents (without workers or history): `count` of them across the communities. */
export function planPopulation(rng: Rng, today: string, communities: DemoCommunity[], count: number): PlannedResident[] {
  const out: PlannedResident[] = [];
  const seqs = new Set<string>();
  const byWeight = communities.map((c) => [c, c.weight] as const);
  while (out.length < count) {
    const community = weighted(rng, byWeight);
    const road = pick(rng, ROADS[community.streetName] ?? ['兴湖路']);
    const address = `湖里区${community.streetName}${road}${int(rng, 1, 288)}号${int(rng, 1, 18)}${String(int(rng, 1, 6)).padStart(2, '0')}室`;
    const generation = weighted(rng, [
      ['elder', 75],
      ['child', 10],
      ['adult', 15],
    ] as const);
    const sex: Sex = chance(rng, generation === 'elder' ? 0.56 : 0.5) ? 'female' : 'male';
    const age = generation === 'elder' ? elderAge(rng) : generation === 'child' ? int(rng, 3, 17) : int(rng, 25, 59);
    const base: Person = { rng, today, index: out.length, generation, sex, age, community, address, seqs };
    const registeredOn = registeredFor(rng, today);
    const first = makePerson(base, categoriesFor(rng, generation, sex, age), registeredOn);
    out.push(first);
    // About one resident in ten shares a household with a registered spouse (空巢 or 留守 couples).
    const couple =
      generation === 'elder' && (first.input.categories.includes('empty_nest') || first.input.categories.includes('left_behind_elder'));
    if (couple && out.length < count && chance(rng, 0.15)) {
      const spouseSex: Sex = sex === 'male' ? 'female' : 'male';
      const spouseAge = Math.min(95, Math.max(60, age + (spouseSex === 'male' ? int(rng, 0, 5) : -int(rng, 0, 5))));
      const spouse = makePerson(
        { ...base, index: out.length, sex: spouseSex, age: spouseAge, family: surname(rng) },
        first.input.categories.filter((c) => c === 'empty_nest' || c === 'left_behind_elder' || c === 'dibao'),
        registeredOn,
      );
      spouse.spouseOf = first.index;
      out.push(spouse);
    }
  }
  assignCareLevels(out);
  return out;
}

/** Sorts by risk and cuts at the level shares; a spouse takes the household's level. */
function assignCareLevels(list: PlannedResident[]) {
  const sorted = [...list].sort((a, b) => b.risk - a.risk || a.index - b.index);
  let at = 0;
  CARE_LEVEL_SHARES.forEach((share, i) => {
    const end = i === CARE_LEVEL_SHARES.length - 1 ? sorted.length : Math.round(at + share * sorted.length);
    for (; at < end; at++) sorted[at]!.input.careLevel = (i + 1) as CareLevel;
  });
  for (const r of list) if (r.spouseOf !== null) r.input.careLevel = list[r.spouseOf]!.input.careLevel;
}
