// Resident import routes: the template, the upload (raw file body, 202 + job), the job's
// progress and its per-row report.
import { idParams, importJob, importQuery, importReportEntry, importReportRow, translate } from '@wushe/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../http/errors.ts';
import { route } from '../../../http/route.ts';
import { getImportJob, startImport } from './import.job.ts';
import { renderError } from './import.rows.ts';
import { reportXlsx, templateXlsx, XLSX_TYPE } from './import.template.ts';
import { codeEntries, communitiesIn, jobReport } from './import.repo.ts';

const tags = ['residents'];
export const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;
const UPLOAD_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream'];

const sendFile = (reply: FastifyReply, filename: string, buf: Buffer) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(buf);

export function residentsImportRoutes(app: FastifyInstance): void {
  // The upload is the raw file; its parser (and larger body limit) lives in this scope only.
  void app.register(async (scoped) => {
    scoped.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    route(scoped, {
      method: 'POST',
      url: '/api/v1/residents/import',
      operationId: 'importResidents',
      status: 202,
      problems: { 413: true },
      access: 'resident.write',
      summary: 'Import residents from an .xlsx or .csv sent as the raw body; answers 202 with the job, which runs on the job queue',
      tags,
      query: importQuery,
      response: importJob,
      handler: async (ctx, { query }, req, reply) => {
        const job = await startImport(ctx, query, req.body);
        return reply.code(202).send(job);
      },
    });
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/import/template',
    operationId: 'getImportTemplate',
    download: 'xlsx',
    access: 'resident.write',
    summary: "The import template (.xlsx): headers, a notes row, dropdowns from the code lists, the caller's communities",
    tags,
    handler: async (ctx, _input, _req, reply) => {
      const { codes, communities } = await ctx.db.run(async (db) => ({
        codes: await codeEntries(db),
        communities: await communitiesIn(db, ctx.scope),
      }));
      const buf = await templateXlsx({
        categories: codes.resident_category ?? [],
        statuses: codes.assistance_status ?? [],
        communities,
        lang: ctx.lang,
      });
      return sendFile(reply, translate(ctx.lang, 'import.template.file'), buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/import/:id',
    operationId: 'getImportJob',
    access: 'resident.write',
    summary: "An import job's progress and counts (404 outside the caller's scope)",
    tags,
    params: idParams,
    response: importJob,
    handler: (ctx, { params }) => getImportJob(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/import/:id/report',
    operationId: 'getImportReport',
    download: 'xlsx',
    access: 'resident.write',
    summary: 'The per-row report of a finished import: .xlsx, or JSON rows with format=json',
    tags,
    params: idParams,
    query: z.object({ format: z.enum(['xlsx', 'json']).default('xlsx') }),
    response: z.array(importReportEntry),
    handler: async (ctx, { params, query }, _req, reply) => {
      const report = await ctx.db.run((db) => jobReport(db, ctx.scope, params.id));
      if (report === undefined) throw notFound();
      const outcomes = report ?? [];
      if (query.format === 'json') {
        return outcomes.map((o) => ({
          ...importReportRow.parse({
            row: o.row,
            status: o.status,
            name: o.name,
            idMasked: o.idMasked,
            errors: o.errors.map((e) => renderError(ctx.lang, e)),
          }),
          imported: o.status !== 'rejected' && !o.notImported, // false for good rows of an all-or-nothing import with errors
        }));
      }
      return sendFile(reply, translate(ctx.lang, 'import.report.file'), await reportXlsx(outcomes, ctx.lang));
    },
  });
}
