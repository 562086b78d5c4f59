// The demo installation: 湖里区, 厦门市 (350206) with its real streets and communities, the
// district bureau, a station in each street, two agencies, community organisations,
// volunteer teams and the demo accounts; with the installation's keys, also about 3,000
// residents in need with a year of contacts and assessments (residents.ts). Deterministic:
// the same ids every time. The server then adds the demo's transfers through its own services
// (apps/server/src/modules/transfers/transfers.demo.ts) and fills the coverage trend.
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../client.ts';
import type { Keys } from '../keys.ts';
import { hashPassword } from '../password-hash.ts';
import { areas, installation, orgs, users } from '../schema/index.ts';
import { seedBase, stableId } from '../seed.ts';
import { seedDemoResidents } from './residents.ts';

export { DEMO_RESIDENT_SEED, seedDemoResidents, type DemoResidentOptions } from './residents.ts';

export interface DemoOptions {
  /** The business date the residents' history is built around (default: today in Asia/Shanghai). */
  today?: string;
  /** How many residents to load (default 3,000); needs the keys. */
  residents?: number;
  /** Told each step as it starts (`npm start` shows them: the first start takes a while). */
  progress?: (step: string) => void;
}

export const DEMO_AREA = '350206000000';
export const DEMO_PASSWORD = 'Wushe@2026';

export const DEMO_ACCOUNTS = [
  {
    username: 'admin',
    displayName: '平台管理员',
    role: 'admin',
    org: 'bureau',
    area: '350206000000',
    label: '平台管理员 Platform administrator',
  },
  {
    username: 'huli',
    displayName: '湖里区民政局',
    role: 'official',
    org: 'bureau',
    area: '350206000000',
    label: '区级官员 District official',
  },
  {
    username: 'jiangtou.head',
    displayName: '江头站长',
    role: 'station_head',
    org: 'station:350206004000',
    area: '350206004000',
    label: '江头街道站长 Station head',
  },
  {
    username: 'jiangtou.sw',
    displayName: '江头社工',
    role: 'social_worker',
    org: 'station:350206004000',
    area: '350206004000',
    label: '江头街道社工 Social worker',
  },
  {
    username: 'jinshan.sw',
    displayName: '金山社工',
    role: 'social_worker',
    org: 'station:350206005000',
    area: '350206005000',
    label: '金山街道社工 Social worker',
  },
  {
    username: 'kangning.sw',
    displayName: '康宁医院社工部',
    role: 'partner',
    org: 'hospital:kangning',
    area: '350206002000',
    label: '医院社工部（接收转介） Hospital social work (receives referrals)',
  },
  {
    username: 'volunteer.demo',
    displayName: '志愿者小林',
    role: 'volunteer',
    org: 'team:350206004000',
    area: '350206004000',
    label: '志愿者 Volunteer',
  },
] as const;

interface DemoOrg {
  key: string;
  name: string;
  kind: string;
  areaCode: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
}

function demoOrgs(
  streets: { code: string; name: string }[],
  communities: { code: string; name: string; parentCode: string | null }[],
): DemoOrg[] {
  const list: DemoOrg[] = [
    {
      key: 'bureau',
      name: '厦门市湖里区民政局',
      kind: 'bureau',
      areaCode: DEMO_AREA,
      contactName: '王科长',
      contactPhone: '0592-5721000',
      address: '厦门市湖里区湖里大道',
    },
    {
      key: 'agency:tongxin',
      name: '厦门市湖里区同心社会工作服务中心',
      kind: 'agency',
      areaCode: DEMO_AREA,
      contactName: '陈主任',
      contactPhone: '0592-5720001',
    },
    {
      key: 'agency:qihang',
      name: '厦门市启航社会工作服务中心',
      kind: 'agency',
      areaCode: DEMO_AREA,
      contactName: '林主任',
      contactPhone: '0592-5720002',
    },
  ];
  for (const s of streets) {
    list.push({
      key: `station:${s.code}`,
      name: `${s.name}社工站`,
      kind: 'station',
      areaCode: s.code,
      contactName: '站长',
      contactPhone: '0592-5700000',
    });
    list.push({ key: `team:${s.code}`, name: `${s.name}志愿服务队`, kind: 'volunteer_team', areaCode: s.code });
  }
  // A few community organisations in the first communities of each street.
  for (const s of streets) {
    const first = communities.filter((c) => c.parentCode === s.code).slice(0, 2);
    for (const c of first) {
      list.push({ key: `elder:${c.code}`, name: `${c.name}老年协会`, kind: 'social_org', areaCode: c.code });
    }
  }
  list.push({ key: 'company:1', name: '厦门爱心便民超市', kind: 'company', areaCode: '350206004000', contactName: '黄老板' });
  // A hospital social-work department in 殿前街道: it receives referrals and reads no register.
  list.push({
    key: 'hospital:kangning',
    name: '厦门市湖里区康宁医院社会工作部',
    kind: 'hospital',
    areaCode: '350206002000',
    contactName: '郑社工',
    contactPhone: '0592-5730000',
  });
  list.push({ key: 'university:1', name: '集美大学社会工作系', kind: 'university', areaCode: DEMO_AREA });
  return list;
}

/**
 * Loads the demo (idempotent): areas, organisations and accounts, and with `keys` the residents
 * and their history when the database has none yet. Returns false when nothing was added.
 */
export async function seedDemo(database: Database, keys?: Keys, opts: DemoOptions = {}): Promise<boolean> {
  opts.progress?.('Demo: areas, organisations and accounts…');
  const added = await seedDemoAccounts(database);
  const residents = keys
    ? await seedDemoResidents(database, keys, { today: opts.today, count: opts.residents, progress: opts.progress })
    : 0;
  return added || residents > 0;
}

async function seedDemoAccounts(database: Database): Promise<boolean> {
  await seedBase(database, DEMO_AREA);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.owner((db) =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const done = await t
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.username} = 'admin'`);
      if (done.length) return false;
      await t.update(installation).set({ demo: true });
      const all = await t.select().from(areas);
      const streets = all.filter((a) => a.level === 'street' && a.name.endsWith('街道')).sort((a, b) => a.code.localeCompare(b.code));
      const communities = all.filter((a) => a.level === 'community').sort((a, b) => a.code.localeCompare(b.code));
      const list = demoOrgs(streets, communities);
      await t.insert(orgs).values(
        list.map((o) => ({
          id: stableId(`org:${o.key}`),
          name: o.name,
          kind: o.kind,
          areaCode: o.areaCode,
          contactName: o.contactName ?? null,
          contactPhone: o.contactPhone ?? null,
          address: o.address ?? null,
        })),
      );
      await t.insert(users).values(
        DEMO_ACCOUNTS.map((a) => ({
          id: stableId(`user:${a.username}`),
          username: a.username,
          displayName: a.displayName,
          passwordHash,
          roleId: stableId(`role:${a.role}`),
          orgId: stableId(`org:${a.org}`),
          areaCode: a.area,
          mustChangePassword: false, // demo accounts are exempt in demo mode
        })),
      );
      return true;
    }),
  );
}

export { mulberry32, chance, int, mobile, personName, pick, weighted } from './names.ts';
