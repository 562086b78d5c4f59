// The residents benchmark's database made fresh: all of 福建省 and its accounts (data.ts), the
// province account the benchmark signs in with, then 1,000,000 residents, 10,000,000 contacts
// and their care-level history (residents-data.ts) loaded without indexes, which are rebuilt
// after. residents-kept.ts keeps such a database for later runs.
import { generateKeyFile, keysFrom, stableId } from '@wushe/db';
import pg from 'pg';
import { createBenchDatabase, loadBenchData } from './data.ts';
import {
  CONTACT_COUNT,
  dropIndexes,
  loadCareLevelChanges,
  loadContacts,
  loadResidents,
  rebuildIndexes,
  RESIDENT_COUNT,
} from './residents-data.ts';
import type { Prepared } from './residents-kept.ts';
import { secs } from './residents-report.ts';

export const PROVINCE = '350000000000';
export const PROVINCE_USER = { username: 'bench.province', password: 'Bench@2026' };
/** A province-level account with a custom role: resident read/reveal/write and coverage. */
async function createProvinceUser(c: pg.Client) {
  const roleId = stableId('bench:role:province');
  await c.query(
    `INSERT INTO roles (id, code, name, name_en, permissions) VALUES ($1, 'bench_province', '省级测试', 'Province bench', $2)`,
    [roleId, ['area.read', 'org.read', 'resident.read', 'resident.reveal', 'resident.write', 'coverage.read']],
  );
  const hash = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'bench.official'`)).rows[0]!
    .password_hash;
  await c.query(
    `INSERT INTO users (id, username, display_name, password_hash, role_id, org_id, area_code, must_change_password)
     VALUES ($1, $2, '福建省测试账号', $3, $4, $5, $6, false)`,
    [stableId('bench:user:province'), PROVINCE_USER.username, hash, roleId, stableId('bench:org:bureau:350100000000'), PROVINCE],
  );
}

/** A fresh database with the generated data (residents-kept.ts can keep and reuse it). */
export async function loadFresh(adminUrl: string, dbName: string, started: number, log: (m: string) => void): Promise<Prepared> {
  log(`Creating database ${dbName}…`);
  const url = await createBenchDatabase(adminUrl, dbName);
  const counts = await loadBenchData(url, log);
  // The server reads this key file: blind indexes made here match what it computes.
  const keyFile = generateKeyFile();
  const keys = keysFrom(keyFile);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const load: Record<string, number> = {};
  try {
    await createProvinceUser(c);
    const communities = (await c.query<{ code: string }>(`SELECT code FROM areas WHERE level = 'community' ORDER BY code`)).rows.map(
      (r) => r.code,
    );
    const importCommunities = (
      await c.query<{ code: string }>(
        `SELECT min(code) AS code FROM areas WHERE level = 'community' GROUP BY left(code, 6) ORDER BY 1 LIMIT 4`,
      )
    ).rows.map((r) => r.code);
    const defs = await dropIndexes(c);
    let t0 = Date.now();
    log(`Loading ${RESIDENT_COUNT.toLocaleString()} residents over ${communities.length} communities…`);
    const sample = await loadResidents(c, keys, communities, log);
    load.residentsSeconds = secs(t0);
    t0 = Date.now();
    log(`  residents in ${load.residentsSeconds.toFixed(0)} s; ${CONTACT_COUNT.toLocaleString()} contacts and care-level history…`);
    await loadContacts(c);
    await loadCareLevelChanges(c);
    load.contactsSeconds = secs(t0);
    t0 = Date.now();
    log(`  contacts in ${load.contactsSeconds.toFixed(0)} s; VACUUM FULL residents, ${defs.length} indexes…`);
    await c.query('VACUUM FULL residents');
    await rebuildIndexes(c, defs);
    await c.query('VACUUM ANALYZE');
    load.indexesSeconds = secs(t0);
    log(`  indexes and VACUUM ANALYZE in ${load.indexesSeconds.toFixed(0)} s`);
    load.totalSeconds = secs(started);
    return { dbName, url, keyFile, sample, importCommunities, counts, load };
  } finally {
    await c.end();
  }
}
