// The `wushe` CLI. The only module that reads process.env (through loadConfig).
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkPassword } from '@wushe/core';
import { hashPassword, loadOrCreateKeys, seedBase, stableId, uuidv7 } from '@wushe/db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@wushe/db/demo';
import { DEMO_PUBLIC_ACCOUNTS } from './modules/public-accounts/public-accounts.demo.ts';
import { buildApp } from './app.ts';
import { appendAudit, verifyAuditChain } from './audit/audit.ts';
import { INSTALLATION_AREA_HINT, installationArea, loadConfig, type AppConfig } from './config.ts';
import { insertAdmin } from './installation.repo.ts';
import { prettyLog } from './log-format.ts';
import { assembleServices, installationOf, openConfiguredDatabase, prepareDatabase } from './services.ts';

const HELP = `wushe <command> [options]

Commands:
  serve            migrate, load base data (the demo on a new embedded database), serve the app
  migrate          apply database migrations
  seed [--demo] [--area CODE]
                   load the installation's areas and built-in roles (WUSHE_AREA or --area),
                   or the 湖里区 demo with --demo
  create-admin --username NAME [--password PW] [--name DISPLAY]
                   create a platform administrator (must change the password at first login)
  audit-verify     check the audit trail's hash chain; exits 1 if a record was edited or removed
  help             this text

Settings (environment): PORT (8080), HOST (127.0.0.1), WUSHE_DATA_DIR (./data: embedded database
and keys), DATABASE_URL (postgres://…; default: embedded PGlite), WUSHE_AREA (350206),
WUSHE_DEMO (1 on embedded, 0 on PostgreSQL), WUSHE_IDLE_MINUTES (30), WUSHE_LOCK_ATTEMPTS (5),
WUSHE_LOCK_MINUTES (15), WUSHE_PASSWORD_MIN_LENGTH (8), WUSHE_PASSWORD_MIN_CLASSES (3),
WUSHE_JOB_STALE_SECONDS (30), WUSHE_IMPORT_ATTEMPTS (3), WUSHE_JOB_SHUTDOWN_GRACE_SECONDS (10),
WUSHE_LOG_LEVEL (info; warn: no request lines), WUSHE_LOG_FORMAT (pretty on a terminal, else json).`;

async function serve(config: AppConfig) {
  // Each start-up step with the time so far: the first start (demo data) takes a while.
  const started = Date.now();
  const step = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${m}`);
  const keys = loadOrCreateKeys(config.dataDir); // first: the demo's residents are sealed with them
  step(config.databaseUrl ? 'Connecting to PostgreSQL…' : `Opening the embedded database in ${config.dataDir}…`);
  const database = await openConfiguredDatabase(config);
  step('Checking migrations and reference data…');
  await prepareDatabase(config, database, step, keys, { progress: step });
  const services = await assembleServices(config, database, keys);
  const logStream = config.logFormat === 'pretty' ? prettyLog(process.stdout) : undefined;
  const app = await buildApp(services, { logger: true, web: true, logStream });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${(app.server.address() as { port: number }).port}`;
  console.log(`\nWushe (五社) is running at ${url}   API docs: ${url}/api/docs`);
  console.log(`Database: ${database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`);
  if (services.installation.demo) {
    console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.label}`);
    const pub = DEMO_PUBLIC_ACCOUNTS.map((a) => `${a.name} ${a.mobile}`).join(', ');
    console.log(`Public accounts (${url}/p/login, code in this log): ${pub}`);
  }
  if ((config.sms?.provider ?? 'log') === 'log')
    console.log('No SMS provider configured: sign-up and login codes are written to this log.');
}

async function withDatabase<T>(config: AppConfig, fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>) {
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const [command = 'help', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      demo: { type: 'boolean' },
      area: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return null;
    case 'migrate':
      return withDatabase(config, async (db) => {
        const { migrate } = await import('@wushe/db');
        const applied = await migrate(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        return 0;
      });
    case 'seed': {
      // `--area 350206` as officials know it; padded to 12 digits like WUSHE_AREA. Checked before the database opens.
      const area = values.area === undefined ? config.areaCode : installationArea(values.area);
      if (!area) {
        console.error(`--area "${values.area}": expected ${INSTALLATION_AREA_HINT}.`);
        return 1;
      }
      return withDatabase(config, async (db) => {
        await (await import('@wushe/db')).migrate(db);
        if (values.demo) {
          console.log((await seedDemo(db, loadOrCreateKeys(config.dataDir))) ? 'Demo loaded.' : 'The demo was already loaded.');
        } else {
          const { areaCount } = await seedBase(db, area);
          console.log(`Installation serves ${area}: ${areaCount} areas, built-in roles ready.`);
        }
        return 0;
      });
    }
    case 'create-admin':
      return withDatabase(config, (db) => createAdmin(db, values));
    case 'audit-verify':
      return withDatabase(config, async (db) => {
        const res = await verifyAuditChain(db);
        if (res.ok) {
          console.log(`Audit chain intact: ${res.count} records.`);
          return 0;
        }
        const what = res.firstBad!.problem === 'edited' ? 'was edited' : 'follows removed records';
        console.error(`Audit chain BROKEN: record ${res.firstBad!.seq} ${what} (${res.count} records checked).`);
        return 1;
      });
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

async function createAdmin(
  database: Awaited<ReturnType<typeof openConfiguredDatabase>>,
  values: { username?: string; password?: string; name?: string },
) {
  if (!values.username || !/^[A-Za-z0-9._-]{3,32}$/.test(values.username)) {
    console.error('create-admin needs --username (3–32 letters, digits, . _ -).');
    return 2;
  }
  const inst = await installationOf(database);
  if (!inst) {
    console.error('No installation yet: run `npx wushe seed` (or `serve`) first.');
    return 2;
  }
  const password = values.password ?? `${crypto.randomBytes(9).toString('base64url')}a1A!`;
  if (checkPassword(password)) {
    console.error('The password must have at least 8 characters and 3 of: upper, lower, digit, symbol.');
    return 2;
  }
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  await database.owner((db) =>
    db.transaction(async (tx) => {
      await insertAdmin(tx as never, {
        id,
        username: values.username!,
        displayName: values.name ?? values.username!,
        passwordHash,
        roleId: stableId('role:admin'),
        areaCode: inst.area_code,
      });
      await appendAudit(tx as never, {
        actorId: null,
        actorName: 'cli',
        ip: null,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        areaCode: inst.area_code,
        after: { username: values.username, role: 'admin' },
      });
    }),
  );
  console.log(
    `Administrator ${values.username} created${values.password ? '' : ` with the one-time password ${password}`}; it must be changed at first login.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
