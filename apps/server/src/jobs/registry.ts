// Everything that runs on the job queue, in one list: a module with background or scheduled
// work adds its definitions here (see queue.ts for what a definition holds).
import type { Services } from '../context.ts';
import { sessionJobs } from '../modules/auth/sessions.jobs.ts';
import { coverageSnapshotJobs } from '../modules/coverage/snapshots.jobs.ts';
import { followUpJobs } from '../modules/followups/followups.jobs.ts';
import { mobilisationJobs } from '../modules/mobilisations/mobilisations.jobs.ts';
import { outputsJobs } from '../modules/outputs/outputs.jobs.ts';
import { publicAccountJobs } from '../modules/public-accounts/public-accounts.jobs.ts';
import { importJobs } from '../modules/residents/import/import.worker.ts';
import { searchBackfillJobs } from '../modules/residents/search-backfill.jobs.ts';
import { ceHoursJobs } from '../modules/trainings/ce-hours.jobs.ts';
import { volunteerJobs } from '../modules/volunteers/volunteers.jobs.ts';
import type { JobDefinition } from './queue.ts';

export function jobDefinitions(services: Services): JobDefinition[] {
  return [
    ...importJobs(services),
    ...sessionJobs(services.database, services.config.idleMinutes),
    ...followUpJobs(services.database),
    ...coverageSnapshotJobs(services.database, services.installation.scope),
    ...searchBackfillJobs(services.database, services.keys),
    ...outputsJobs(services.database),
    ...publicAccountJobs(services.database),
    ...ceHoursJobs(services.database),
    ...volunteerJobs(services.database),
    ...mobilisationJobs(services),
  ];
}
