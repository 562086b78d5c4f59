// The benchmark's database: a fresh PostgreSQL database with every area of 福建省 (35) and a
// deterministic load of organisations and accounts, dropped again at the end.
import { hashPassword, insertJson, migrate, openDatabase, rows, seedBase, stableId, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';

export const AREA = '35';
export const ACCOUNT_COUNT = 5000;
/** The account the load runs as: a city official of 厦门市 (org.read and area.read). */
export const BENCH_USER = { username: 'bench.official', password: 'Bench@2026', area: '350200000000' };

/** Same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createBenchDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`),
  );
  return withDatabaseName(adminUrl, name);
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) return;
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

interface AreaLite {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

const ROLE_CYCLE = [
  ...Array<string>(12).fill('social_worker'),
  ...Array<string>(4).fill('volunteer'),
  ...Array<string>(3).fill('station_head'),
  'official',
];

export interface Counts {
  areas: number;
  streets: number;
  communities: number;
  orgs: number;
  users: number;
}

/** Migrates, seeds 福建省 and generates organisations and accounts. Deterministic apart from timestamps. */
export async function loadBenchData(url: string, log: (m: string) => void): Promise<Counts> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await migrate(database);
    const t0 = Date.now();
    const { areaCount } = await seedBase(database, AREA);
    log(`  areas: ${areaCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const passwordHash = await hashPassword(BENCH_USER.password);
    const counts = await database.owner((db) =>
      db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const all = await rows<AreaLite>(t, sql`SELECT code, name, level, parent_code FROM areas ORDER BY code`);
        const counties = all.filter((a) => a.level === 'county');
        const streets = all.filter((a) => a.level === 'street');
        const communities = all.filter((a) => a.level === 'community');
        const cities = all.filter((a) => a.level === 'city');

        // Organisations: a bureau per city and county, a station and a volunteer team per street,
        // a community organisation in every third community.
        const orgs: Record<string, unknown>[] = [];
        const org = (key: string, name: string, kind: string, area: string, i: number) =>
          orgs.push({
            id: stableId(`bench:org:${key}`),
            name,
            kind,
            area_code: area,
            contact_name: `联系人${i % 100}`,
            contact_phone: `0591-${String(5700000 + (i % 100000)).padStart(7, '0')}`,
            address: `${name}地址${i}号`,
          });
        for (const [i, a] of [...cities, ...counties].entries()) org(`bureau:${a.code}`, `${a.name}民政局`, 'bureau', a.code, i);
        for (const [i, s] of streets.entries()) {
          org(`station:${s.code}`, `${s.name}社工站`, 'station', s.code, i);
          org(`team:${s.code}`, `${s.name}志愿服务队`, 'volunteer_team', s.code, i);
        }
        for (const [i, c] of communities.entries()) {
          if (i % 3 === 0) org(`social:${c.code}`, `${c.name}社区社会组织联合会`, 'social_org', c.code, i);
        }
        await insertJson(t, 'orgs', orgs, 2000);

        // Accounts: the bench official, then the rest over streets and communities in turn.
        const users: Record<string, unknown>[] = [
          {
            id: stableId('bench:user:official'),
            username: BENCH_USER.username,
            display_name: '厦门市民政官员',
            password_hash: passwordHash,
            role_id: stableId('role:official'),
            org_id: stableId(`bench:org:bureau:${BENCH_USER.area}`),
            area_code: BENCH_USER.area,
            must_change_password: false,
          },
        ];
        const places = [...streets, ...communities];
        for (let i = 1; i < ACCOUNT_COUNT; i++) {
          // A stride through the places spreads accounts over the whole province.
          const place = places[(i * 7919) % places.length]!;
          const street = place.level === 'street' ? place.code : place.parent_code!;
          const role = ROLE_CYCLE[i % ROLE_CYCLE.length]!;
          users.push({
            id: stableId(`bench:user:${i}`),
            username: `u${String(i).padStart(5, '0')}`,
            display_name: `用户${i}`,
            password_hash: passwordHash,
            role_id: stableId(`role:${role}`),
            org_id: stableId(`bench:org:${role === 'volunteer' ? 'team' : 'station'}:${street}`),
            area_code: place.code,
            must_change_password: false,
          });
        }
        await insertJson(t, 'users', users, 2000);
        return { areas: all.length, streets: streets.length, communities: communities.length, orgs: orgs.length, users: users.length };
      }),
    );
    // The steady state autovacuum reaches on its own: statistics and visibility maps.
    await database.owner((db) => db.execute(sql`VACUUM ANALYZE`));
    return counts;
  } finally {
    await database.close();
  }
}
