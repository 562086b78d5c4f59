// Opens the database, applies migrations, loads base data (and the demo on first start of an
// embedded installation) and assembles the services the app runs on.
import { areaPrefix, normalizeAreaCode, shanghaiToday } from '@wushe/core';
import {
  backfillResidentSearch,
  migrate,
  residentsWithoutSearch,
  openDatabase,
  seedBase,
  syncBuiltinRoles,
  syncReferenceData,
  type Database,
} from '@wushe/db';
import { seedDemo, type DemoOptions } from '@wushe/db/demo';
import type { AppConfig } from './config.ts';
import { installationOf, oneInstanceAtATime } from './installation.repo.ts';
import type { Services } from './context.ts';
import { SessionCache } from './modules/auth/session-cache.ts';
import { takeCoverageSnapshots } from './modules/coverage/snapshots.jobs.ts';
import { seedDemoTransfers } from './modules/transfers/transfers.demo.ts';
import { seedDemoCases } from './modules/cases/cases.demo.ts';
import { seedDemoReferrals } from './modules/cases/referrals.demo.ts';
import { seedDemoSupervision } from './modules/supervision/supervision.demo.ts';
import { seedDemoGroups } from './modules/groups/groups.demo.ts';
import { seedDemoActivities } from './modules/activities/activities.demo.ts';
import { seedDemoWorkforce } from './modules/workforce/workforce.demo.ts';
import { seedDemoProgrammes } from './modules/programmes/programmes.demo.ts';
import { seedDemoSubsidies } from './modules/subsidies/subsidies.demo.ts';
import { seedDemoWishes } from './modules/wishes/wishes.demo.ts';
import { seedDemoVolunteers } from './modules/volunteers/volunteers.demo.ts';
import { seedDemoMobilisations } from './modules/mobilisations/mobilisations.demo.ts';
import { seedDemoJobs } from './modules/jobs/jobs.demo.ts';
import { seedDemoPublicAccounts } from './modules/public-accounts/public-accounts.demo.ts';
import { seedDemoExams } from './modules/exams/exams.demo.ts';
import { seedDemoTrainings } from './modules/trainings/trainings.demo.ts';
import { seedDemoAlliances } from './modules/alliances/alliances.demo.ts';
import { DEFAULT_JOB_SETTINGS, JobQueue } from './jobs/queue.ts';
import { loadOrCreateKeys, type Keys } from '@wushe/db';

/** Up to this many residents without search indexes are filled before serving; more, on the job queue. */
const BACKFILL_AT_START = 20_000;

/**
 * Migrations, built-in roles, reference data, and on a new installation the base data or the
 * demo; with the installation's keys the demo includes its residents (sealed with those keys).
 */
export async function prepareDatabase(
  config: AppConfig,
  database: Database,
  log: (msg: string) => void = () => {},
  keys?: Keys,
  demo: DemoOptions = {},
) {
  await oneInstanceAtATime(database, () => prepareNow(config, database, log, keys, demo));
}

async function prepareNow(config: AppConfig, database: Database, log: (msg: string) => void, keys: Keys | undefined, demo: DemoOptions) {
  const applied = await migrate(database);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  await syncBuiltinRoles(database);
  await syncReferenceData(database);
  if (!(await installationOf(database))) {
    if (config.demo) {
      log('Loading the demo (湖里区, 厦门市)…');
      await seedDemo(database, keys, demo);
      const inst = await installationOf(database);
      if (keys && inst) {
        // Transfers between 江头 and 金山 through the real services; first, so the trend counts the moves.
        log('Demo: transfers between 江头 and 金山…');
        await seedDemoTransfers(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: a year of casework in 江头 and 金山…');
        await seedDemoCases(database, keys, demo.today ?? shanghaiToday(new Date()));
        await seedDemoSupervision(database, keys, demo.today ?? shanghaiToday(new Date()));
        await seedDemoReferrals(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: a year of groups in 江头 and 金山…');
        await seedDemoGroups(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: a year of community activities in 江头 and 金山…');
        await seedDemoActivities(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: the workforce register of 湖里区…');
        await seedDemoWorkforce(database, keys, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: public accounts (林晓 138 0000 0001; codes go to the server log)…');
        await seedDemoPublicAccounts(database, keys);
        log('Demo: three years of exams in 湖里区…');
        await seedDemoExams(database, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: talent programmes and the 最美社工 award of 湖里区…');
        await seedDemoProgrammes(database, keys, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: rewards and subsidies of 湖里区…');
        await seedDemoSubsidies(database, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: a year of trainings, teachers and continuing-education hours of 湖里区…');
        await seedDemoTrainings(database, keys, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: the talent-base alliance and pairing agreements of 湖里区…');
        await seedDemoAlliances(database, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: job posts, a job fair and applications in 湖里区…');
        await seedDemoJobs(database, demo.today ?? shanghaiToday(new Date()), inst.area_code);
        log('Demo: a year of micro-wishes in 江头 and 金山…');
        await seedDemoWishes(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: 500 volunteers, their teams, sign-ups and a year of service hours…');
        await seedDemoVolunteers(database, keys, demo.today ?? shanghaiToday(new Date()));
        log('Demo: 一呼百应 call-outs in 江头 and 金山, their calls chosen by the matcher…');
        await seedDemoMobilisations(database, demo.today ?? shanghaiToday(new Date()));
        // The demo's coverage trend: its past month-ends and last week, as the nightly job would fill them.
        log('Demo: the coverage trend of the past 12 months…');
        await takeCoverageSnapshots(database, areaPrefix(inst.area_code), demo.today ? new Date(`${demo.today}T04:00:00Z`) : new Date());
      }
    } else {
      const { areaCount } = await seedBase(database, config.areaCode);
      log(`Loaded ${areaCount} areas under ${normalizeAreaCode(config.areaCode)}.`);
    }
  }
  // Residents stored before the last-digits and pinyin indexes: only the key holder can fill them.
  // A large register (an upgrade) is filled on the job queue once serving
  // (residents/search-backfill.jobs.ts): until then its older residents are not found by ID tail
  // or full pinyin.
  if (keys) {
    const missing = await residentsWithoutSearch(database);
    if (missing > BACKFILL_AT_START) log(`The search indexes of ${missing} residents will be filled in the background.`);
    else if (missing) {
      const filled = await backfillResidentSearch(database, keys);
      log(`Filled the search indexes of ${filled} residents.`);
    }
  }
}

export async function assembleServices(config: AppConfig, database: Database, keys?: Keys): Promise<Services> {
  const inst = await installationOf(database);
  if (!inst) throw new Error('The database has no installation yet: run `npx wushe seed` first.');
  return {
    config,
    database,
    keys: keys ?? loadOrCreateKeys(config.dataDir),
    sessionCache: new SessionCache(config.sessionCacheMs),
    jobs: new JobQueue({ database, url: config.databaseUrl, settings: config.jobs ?? DEFAULT_JOB_SETTINGS }),
    installation: { areaCode: inst.area_code, areaName: inst.name, scope: areaPrefix(inst.area_code), demo: inst.demo },
  };
}

export function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, poolSize: config.poolSize });
}

export { installationOf };
