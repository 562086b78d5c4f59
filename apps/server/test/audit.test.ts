// The audit trail: what is recorded, who may read it, and that edits and deletions show.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, rows, stableId } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../src/audit/audit.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  areaCode: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('audit trail', () => {
  let t: TestApp;
  let admin: Session;
  let huli: Session;
  const audit = async (query: string, s: Session = admin): Promise<Entry[]> => {
    const res = await s.get(`/api/v1/audit?pageSize=100&${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    huli = await t.login('huli');
  });
  afterAll(() => t.close());

  it('records logins, failed logins and logouts with who and from where', async () => {
    expect((await t.tryLogin('jiangtou.sw', 'Wrong@2026')).statusCode).toBe(401);
    expect((await t.tryLogin('ghost.user', 'Wrong@2026')).statusCode).toBe(401);
    const s = await t.login('jiangtou.sw');
    await s.post('/api/v1/auth/logout');

    const failed = await audit('actor=jiangtou.sw&action=auth.login.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorId: stableId('user:jiangtou.sw'),
      ip: '127.0.0.1',
      areaCode: DEMO.jiangtou,
      after: { reason: 'bad-password' },
    });
    const ghost = await audit('actor=ghost.user');
    expect(ghost).toHaveLength(1);
    expect(ghost[0]).toMatchObject({ action: 'auth.login.failed', actorId: null, after: { reason: 'unknown-user' } });
    // The password tried is never recorded.
    expect(JSON.stringify(ghost)).not.toContain('Wrong@2026');

    const ok = (await audit('actor=jiangtou.sw&action=auth.login')).filter((e) => e.action === 'auth.login');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ actorName: 'jiangtou.sw', ip: '127.0.0.1', targetType: 'user', targetId: stableId('user:jiangtou.sw') });
    expect(await audit('actor=jiangtou.sw&action=auth.logout')).toHaveLength(1);
  });

  it('records locks, account changes, role and organisation changes with before and after', async () => {
    const volunteer = stableId('user:volunteer.demo');
    await huli.post(`/api/v1/users/${volunteer}/lock`);
    expect((await t.tryLogin('volunteer.demo', 'Wushe@2026')).statusCode).toBe(423);
    await huli.post(`/api/v1/users/${volunteer}/unlock`);
    // A refused login is recorded even though it answers with an error.
    const [refused] = await audit('actor=volunteer.demo&action=auth.login.failed');
    expect(refused).toMatchObject({ actorId: volunteer, after: { reason: 'locked-by-admin' } });
    const [lock] = await audit('actor=huli&action=user.lock');
    expect(lock).toMatchObject({ targetId: volunteer, areaCode: DEMO.jiangtou, before: { status: 'active' }, after: { status: 'locked' } });
    expect(await audit('actor=huli&action=user.unlock')).toHaveLength(1);

    const roles = (await huli.get('/api/v1/roles')).json().items as { id: string; code: string; version: number }[];
    const volunteerRole = roles.find((r) => r.code === 'volunteer')!;
    const created = await huli.post('/api/v1/users', {
      username: 'audit.target',
      displayName: '审计对象',
      roleId: volunteerRole.id,
      areaCode: DEMO.jinshan,
      password: 'Chushi#2026',
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as string;
    const renamed = await huli.patch(`/api/v1/users/${id}`, { displayName: '审计对象二', version: created.json().version });
    expect(renamed.statusCode).toBe(200);
    const [create] = await audit('actor=huli&action=user.create');
    expect(create).toMatchObject({
      targetId: id,
      areaCode: DEMO.jinshan,
      before: null,
      after: { username: 'audit.target', displayName: '审计对象' },
    });
    expect(JSON.stringify(create)).not.toMatch(/Chushi|argon|passwordHash/);
    const [update] = await audit(`action=user.update&targetId=${id}`);
    expect(update).toMatchObject({ actorName: 'huli', before: { displayName: '审计对象' }, after: { displayName: '审计对象二' } });

    const vol = roles.find((r) => r.code === 'volunteer')!;
    const patched = await admin.patch(`/api/v1/roles/${vol.id}`, { requireTotp: true, version: vol.version });
    expect(patched.statusCode).toBe(200);
    await admin.patch(`/api/v1/roles/${vol.id}`, { requireTotp: false, version: patched.json().version });
    const roleChanges = await audit(`actor=admin&action=role.update&targetId=${vol.id}`);
    expect(roleChanges).toHaveLength(2);
    expect(roleChanges[1]).toMatchObject({ targetType: 'role', before: { requireTotp: false }, after: { requireTotp: true } });

    const org = await huli.post('/api/v1/orgs', { name: '金山审计测试队', kind: 'volunteer_team', areaCode: DEMO.jinshan });
    expect(org.statusCode).toBe(200);
    const orgId = org.json().id as string;
    expect((await huli.patch(`/api/v1/orgs/${orgId}`, { contactName: '李队长', version: org.json().version })).statusCode).toBe(200);
    const orgEvents = await audit(`targetId=${orgId}`);
    expect(orgEvents.map((e) => e.action)).toEqual(['org.update', 'org.create']);
    expect(orgEvents[0]).toMatchObject({ actorName: 'huli', before: { contactName: null }, after: { contactName: '李队长' } });
  });

  it('filters by business day in Asia/Shanghai', async () => {
    const today = await admin.get(`/api/v1/audit?from=${shanghaiDay()}&to=${shanghaiDay()}`);
    expect(today.json().total).toBeGreaterThan(5);
    expect((await admin.get(`/api/v1/audit?from=${shanghaiDay(1)}`)).json().total).toBe(0);
    expect((await admin.get(`/api/v1/audit?to=${shanghaiDay(-1)}`)).json().total).toBe(0);
    expect((await admin.get('/api/v1/audit?from=not-a-date')).statusCode).toBe(400);
  });

  it("shows officials only their own area's records and refuses social workers", async () => {
    const head = await t.login('jiangtou.head');
    const seen = await audit('', head);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.areaCode.startsWith('350206004'))).toBe(true);
    expect(seen.some((e) => e.action === 'user.lock')).toBe(true);
    expect(await audit('action=org.create', head)).toHaveLength(0); // the org was created in 金山
    expect(await audit('action=org.create', huli)).not.toHaveLength(0);
    const sw = await t.login('jinshan.sw');
    const denied = await sw.get('/api/v1/audit');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('error.forbidden');
  });

  it('cannot be changed by the application role, nor by the owner while triggers stand', async () => {
    await expect(t.database.run('350206', (db) => db.execute(sql`DELETE FROM audit_log`))).rejects.toThrow();
    await expect(t.database.run('350206', (db) => db.execute(sql`UPDATE audit_log SET action = 'x'`))).rejects.toThrow();
    await expect(t.database.run('', (db) => db.execute(sql`DELETE FROM audit_log`))).rejects.toThrow();
    await expect(
      t.database.run('350206', (db) =>
        db.execute(
          sql`INSERT INTO audit_log (seq, at, action, area_code, prev_hash, hash) VALUES (999999, now(), 'forged', '350206', '', '')`,
        ),
      ),
    ).rejects.toThrow();
    for (const statement of [sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`, sql`DELETE FROM audit_log WHERE seq = 1`]) {
      const err = await t.database
        .owner((db) => db.execute(statement))
        .then(
          () => null,
          (e: Error & { cause?: Error }) => e,
        );
      expect(String(err?.cause?.message ?? err?.message)).toContain('append-only');
    }
    expect((await verifyAuditChain(t.database)).ok).toBe(true);
  });

  it('detects an edited record and, once restored, an intact chain', async () => {
    const intact = await verifyAuditChain(t.database);
    expect(intact).toEqual({ ok: true, count: expect.any(Number) });
    expect(intact.count).toBeGreaterThan(10);
    const middle = Math.floor(intact.count / 2);
    const [orig] = await t.database.owner((db) =>
      rows<{ after: unknown }>(db, sql`SELECT after::text AS after FROM audit_log WHERE seq = ${middle}`),
    );
    await tamper(sql`UPDATE audit_log SET after = '{"forged": true}'::jsonb WHERE seq = ${middle}`);
    expect(await verifyAuditChain(t.database)).toEqual({ ok: false, count: intact.count, firstBad: { seq: middle, problem: 'edited' } });
    await tamper(sql`UPDATE audit_log SET after = ${orig!.after as string | null}::jsonb WHERE seq = ${middle}`);
    expect((await verifyAuditChain(t.database)).ok).toBe(true);
  });

  it('detects an edit whose hash was recomputed, at the next link', async () => {
    const { count } = await verifyAuditChain(t.database);
    const middle = Math.floor(count / 2);
    const [orig] = await t.database.owner((db) =>
      rows<{ actor_name: string | null; hash: string }>(db, sql`SELECT actor_name, hash FROM audit_log WHERE seq = ${middle}`),
    );
    // Someone who knows audit_hash() rewrites the record and its own hash consistently.
    await tamper(sql`UPDATE audit_log SET actor_name = 'someone-else',
      hash = audit_hash(seq, at, actor_id, 'someone-else', ip, action, target_type, target_id, area_code, before, after, prev_hash)
      WHERE seq = ${middle}`);
    expect((await verifyAuditChain(t.database)).firstBad).toEqual({ seq: middle + 1, problem: 'broken-link' });
    await tamper(sql`UPDATE audit_log SET actor_name = ${orig!.actor_name}, hash = ${orig!.hash} WHERE seq = ${middle}`);
    expect((await verifyAuditChain(t.database)).ok).toBe(true);
  });

  it('detects a removed record at the one that follows it', async () => {
    const { count } = await verifyAuditChain(t.database);
    const middle = Math.floor(count / 2);
    await tamper(sql`DELETE FROM audit_log WHERE seq = ${middle}`);
    const res = await verifyAuditChain(t.database);
    expect(res.ok).toBe(false);
    expect(res.count).toBe(count - 1);
    expect(res.firstBad).toEqual({ seq: middle + 1, problem: 'removed-before' });
  });

  /** Owner-only tampering with the append-only triggers switched off for one statement. */
  async function tamper(statement: ReturnType<typeof sql>) {
    await t.database.owner(async (db) => {
      await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      try {
        await db.execute(statement);
      } finally {
        await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      }
    });
  }
});

describe('wushe audit-verify (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-audit-'));
  const env = { ...process.env, WUSHE_DATA_DIR: dir, DATABASE_URL: '', WUSHE_LOG_LEVEL: 'silent' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'apps/server/bin/wushe.mjs'), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain with exit 0, and a tampered record with exit 1 and its number', { timeout: 270_000 }, async () => {
    // The installation's areas and roles only: the whole demo takes the CLI longer than the check needs.
    const seeded = cli('seed', '--area', '350206');
    expect(seeded.status, seeded.stderr).toBe(0);

    // Add a few records through the same path the app uses (seeding writes none).
    let database = await openDatabase({ dataDir: dir });
    for (const action of ['auth.login', 'org.create', 'org.update', 'auth.logout']) {
      await database.tx('', (db) =>
        appendAudit(db, { actorId: null, actorName: 'cli-test', ip: '127.0.0.1', action, areaCode: DEMO.jinshan, after: { action } }),
      );
    }
    await database.close();

    const ok = cli('audit-verify');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('intact');
    expect(ok.stdout).toContain('4 records');

    database = await openDatabase({ dataDir: dir });
    await database.owner(async (db) => {
      await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await db.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 2`);
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    });
    await database.close();

    const broken = cli('audit-verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('record 2 was edited');
  });
});
