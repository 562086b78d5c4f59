// The OpenAPI document works with real tools: Redocly's recommended rules find no error, every
// operation has a unique operationId and its problem answers, no non-API route leaks in, and
// openapi-typescript turns it into a client whose calls type-check (and whose wrong calls don't).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { deriveOperationId } from '../src/http/openapi.ts';
import { startTestApp, type TestApp } from './harness.ts';

type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, unknown> }> };
type Doc = { servers?: unknown[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  let text: string;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([m]) => METHODS.includes(m))
        .map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })),
    );

  beforeAll(async () => {
    // The served web app is on, as in production, so its fallback route would show if it leaked.
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Wushe</title>');
    t = await startTestApp({ webDir }, { residents: 0 });
    const web = await buildApp(t.services, { web: true });
    const res = await web.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    text = res.body;
    doc = res.json() as Doc;
    await web.close();
    fs.rmSync(webDir, { recursive: true });
  });
  afterAll(() => t?.close());

  it('passes Redocly’s recommended rules with no error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: text, absoluteRef: '/openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(problems.filter((p) => p.ruleId === 'operation-operationId' || p.ruleId === 'no-unused-components')).toEqual([]);
  });

  it('has a server, no non-API path, and the recursive instrument rule once in components', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    expect(text).not.toContain('#/$defs/');
    expect(doc.components.schemas.AssessmentCondition).toBeDefined();
    expect(text).toContain('"$ref":"#/components/schemas/AssessmentCondition"');
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['listResidents', 'getResident', 'createResident', 'updateResident', 'login', 'exportResidents']),
    );
  });

  it('derives readable ids from the route shape', () => {
    expect(deriveOperationId('GET', '/api/v1/residents')).toBe('listResidents');
    expect(deriveOperationId('GET', '/api/v1/residents/:id')).toBe('getResident');
    expect(deriveOperationId('POST', '/api/v1/residents')).toBe('createResident');
    expect(deriveOperationId('PATCH', '/api/v1/orgs/:id')).toBe('updateOrg');
    expect(deriveOperationId('DELETE', '/api/v1/roles/:id')).toBe('deleteRole');
    expect(deriveOperationId('PUT', '/api/v1/code-lists/:list')).toBe('setCodeList');
    expect(deriveOperationId('POST', '/api/v1/residents/:id/merge')).toBe('mergeResident');
    expect(deriveOperationId('POST', '/api/v1/follow-ups/:id/complete')).toBe('completeFollowUp');
    expect(deriveOperationId('GET', '/api/v1/residents/:id/assessments')).toBe('listResidentAssessments');
    expect(deriveOperationId('POST', '/api/v1/residents/:id/assessments')).toBe('createResidentAssessment');
    expect(deriveOperationId('GET', '/api/v1/follow-ups/export')).toBe('exportFollowUps');
  });

  it('documents the problem answers where they can happen', () => {
    const statuses = (id: string) => {
      const found = operations().find(({ op }) => op.operationId === id);
      return Object.keys(found!.op.responses).sort();
    };
    expect(statuses('getHealth')).toEqual(['200']);
    expect(statuses('login')).toEqual(['200', '400', '401', '403', '423', '429']);
    expect(statuses('listResidents')).toEqual(['200', '400', '401', '403', '429']); // 429: the ID-tail search cap
    expect(statuses('getResident')).toEqual(['200', '400', '401', '403', '404']);
    expect(statuses('updateResident')).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(statuses('importResidents')).toEqual(['202', '400', '401', '403', '413']);
    for (const { key, op } of operations()) {
      for (const [status, answer] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect(Object.keys(answer.content ?? {}), key).toEqual(['application/problem+json']);
      }
    }
    const getResident = operations().find(({ op }) => op.operationId === 'getResident')!.op;
    expect(getResident.responses['404']!.content!['application/problem+json']).toEqual({
      schema: { $ref: '#/components/schemas/Problem' },
    });
  });

  it('declares file downloads as binary content', () => {
    const op = operations().find(({ op }) => op.operationId === 'exportResidents')!.op;
    expect(op.responses['200']!.content).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('generates a typed client whose calls type-check', async () => {
    const types = astToString(await openapiTS(text));
    // Inside the repository's node_modules so the client library resolves like in an app.
    const dir = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.wushe-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.ts'), types);
      fs.writeFileSync(
        path.join(dir, 'client.ts'),
        `import createClient from 'openapi-fetch';
import type { paths } from './api.ts';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });

export async function calls(id: string) {
  const list = await client.GET('/api/v1/residents', { params: { query: { page: 2, pageSize: 50, careLevel: 3, q: '张' } } });
  const names: string[] = (list.data?.items ?? []).map((r) => r.name);
  const total: number | undefined = list.data?.total;
  // @ts-expect-error the list masks the phone: there is no clear phone in the contract
  list.data?.items[0]?.phone;
  // @ts-expect-error sort takes only the listed keys
  await client.GET('/api/v1/residents', { params: { query: { sort: 'salary' } } });

  const one = await client.GET('/api/v1/residents/{id}', { params: { path: { id } } });
  const masked: string | undefined = one.data?.idMasked;
  const problem: string | undefined = one.error?.code;

  const login = await client.POST('/api/v1/auth/login', { body: { username: 'huli', password: 'secret' } });
  const scope: string | undefined = login.data?.scope;
  // @ts-expect-error a misspelt field is refused
  await client.POST('/api/v1/auth/login', { body: { username: 'huli', pasword: 'secret' } });
  // @ts-expect-error no such path
  await client.GET('/api/v1/resident');
  return { names, total, masked, problem, scope };
}
`,
      );
      const program = ts.createProgram([path.join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        allowImportingTsExtensions: true,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: [],
        skipLibCheck: true,
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // a whole TypeScript program: slow on a busy machine
});
