// Builds the Fastify app from services (tests call this and use app.inject); main.ts owns the
// listener and the environment.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Services } from './context.ts';
import { jobDefinitions } from './jobs/registry.ts';
import { registerContractCheck, type ContractViolationSink } from './http/contracts.ts';
import { hoistDefs, openapiBase } from './http/openapi.ts';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts';
import { areasRoutes } from './modules/areas/areas.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { printRoutes } from './modules/print/print.routes.ts';
import { coverageRoutes } from './modules/coverage/coverage.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { followUpsRoutes } from './modules/followups/followups.routes.ts';
import { transfersRoutes } from './modules/transfers/transfers.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { referralsRoutes } from './modules/cases/referrals.routes.ts';
import { outputsRoutes } from './modules/outputs/outputs.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { groupsRoutes } from './modules/groups/groups.routes.ts';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { checkinRoutes } from './modules/checkin/checkin.routes.ts';
import { ceHoursRoutes } from './modules/trainings/ce-hours.routes.ts';
import { trainingsPublicRoutes } from './modules/trainings/trainings.public.routes.ts';
import { trainingsRoutes } from './modules/trainings/trainings.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { workforceRoutes } from './modules/workforce/workforce.routes.ts';
import { jobsRoutes } from './modules/jobs/jobs.routes.ts';
import { jobsPublicRoutes } from './modules/jobs/jobs.public.routes.ts';
import { wishesRoutes } from './modules/wishes/wishes.routes.ts';
import { wishesPublicRoutes } from './modules/wishes/wishes.public.routes.ts';
import { volunteersRoutes } from './modules/volunteers/volunteers.routes.ts';
import { volunteersPublicRoutes } from './modules/volunteers/volunteers.public.routes.ts';
import { volunteerServiceRoutes } from './modules/volunteers/service.routes.ts';
import { mobilisationsRoutes } from './modules/mobilisations/mobilisations.routes.ts';
import { workforceDashboardRoutes } from './modules/workforce/workforce.dashboard.routes.ts';
import { examsRoutes } from './modules/exams/exams.routes.ts';
import { programmesRoutes } from './modules/programmes/programmes.routes.ts';
import { subsidiesRoutes } from './modules/subsidies/subsidies.routes.ts';
import { alliancesRoutes } from './modules/alliances/alliances.routes.ts';
import { publicRoutes } from './modules/public/public.routes.ts';
import { publicAccountsRoutes } from './modules/public-accounts/public-accounts.routes.ts';
import { registerPublicSession } from './modules/public-accounts/public-session.ts';
import { residentsImportRoutes } from './modules/residents/import/import.routes.ts';
import { residentsRoutes } from './modules/residents/residents.routes.ts';
import { rolesRoutes } from './modules/roles/roles.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { serializeError } from './http/db-errors.ts';
import { registerInputGuard } from './http/input.ts';
import { registerProblems } from './plugins/problems.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerSession } from './plugins/session.ts';
import { registerWeb } from './plugins/web.ts';

/**
 * The benchmark's floor: one indexed SELECT by primary key on the same pool, no session.
 * Registered only when WUSHE_BENCH_FLOOR=1.
 */
function registerBenchFloor(app: FastifyInstance, services: Services) {
  app.get('/api/v1/_bench/floor', async () => {
    const found = await services.database.any((db) =>
      rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM areas WHERE code = ${services.installation.areaCode}`),
    );
    return found[0];
  });
}

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  /** Tests: check every answer against its route's declared schema (http/contracts.ts); never in production. */
  checkResponses?: ContractViolationSink;
  /** Where log lines go (stdout by default); tests capture them here. */
  logStream?: DestinationStream;
}

export async function buildApp(services: Services, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: services.config.logLevel,
          stream: opts.logStream,
          // No secrets in logs.
          redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          // Query strings may carry an ID number or phone (resident search): log the path only.
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: req.url.split('?')[0],
              remoteAddress: req.ip,
            }),
            // A database error's message and fields carry the failed query's values.
            err: serializeError,
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    // Only configured proxies may set the client address: it feeds the rate limit and the audit.
    trustProxy: services.config.trustProxy as boolean, // also a hop count or addresses; the cast picks fastify's http overload
  });
  // Validation happens in route() with zod, in the caller's language; the JSON Schemas on
  // routes only describe the API for OpenAPI, so fastify neither validates nor serialises by them.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Before the compression hook, so the check reads the JSON as the route produced it.
  if (opts.checkResponses) await registerContractCheck(app, opts.checkResponses);
  registerProblems(app);
  registerInputGuard(app);
  await app.register(cookie);
  registerSecurity(app, { hsts: services.config.secureCookie });
  await app.register(swagger, {
    openapi: openapiBase(),
    // zod's `$defs` (recursive schemas) move to components/schemas so every `$ref` resolves.
    transformObject: (doc) =>
      'openapiObject' in doc ? (hoistDefs(doc.openapiObject as Record<string, unknown>) as typeof doc.openapiObject) : doc.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSession(app, services);
  registerPublicSession(app, services);
  publicRoutes(app, services);
  publicAccountsRoutes(app, services);
  authRoutes(app, services);
  areasRoutes(app);
  orgsRoutes(app);
  workforceRoutes(app);
  examsRoutes(app);
  programmesRoutes(app);
  subsidiesRoutes(app);
  usersRoutes(app);
  rolesRoutes(app);
  auditRoutes(app);
  residentsImportRoutes(app);
  residentsRoutes(app);
  settingsRoutes(app);
  assessmentsRoutes(app);
  contactsRoutes(app);
  printRoutes(app);
  coverageRoutes(app);
  dashboardRoutes(app);
  notificationsRoutes(app);
  followUpsRoutes(app);
  transfersRoutes(app);
  casesRoutes(app);
  referralsRoutes(app);
  outputsRoutes(app);
  supervisionRoutes(app);
  groupsRoutes(app);
  activitiesRoutes(app);
  checkinRoutes(app);
  trainingsRoutes(app);
  trainingsPublicRoutes(app);
  ceHoursRoutes(app);
  alliancesRoutes(app);
  jobsRoutes(app);
  jobsPublicRoutes(app);
  wishesRoutes(app);
  wishesPublicRoutes(app);
  volunteersRoutes(app);
  volunteerServiceRoutes(app);
  volunteersPublicRoutes(app);
  mobilisationsRoutes(app);
  workforceDashboardRoutes(app);
  if (services.config.benchFloor) registerBenchFloor(app, services);
  if (opts.web) await registerWeb(app, services.config.webDir);
  // The queue runs while the app does: app.close() stops taking jobs and lets running ones finish or hand back.
  for (const def of jobDefinitions(services)) services.jobs.define(def);
  await services.jobs.start(app.log);
  app.addHook('onClose', () => services.jobs.stop());
  return app;
}
