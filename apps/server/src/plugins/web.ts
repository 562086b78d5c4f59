// Serves the built web app with a fallback to index.html for client-side routes. None of these
// routes is part of the API, so they are hidden from the OpenAPI document.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const HIDDEN = { schema: { hide: true } };

export async function registerWeb(app: FastifyInstance, webDir = DEFAULT_WEB_DIR): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', HIDDEN, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Wushe API is running; the web app is not built (npm run build).'),
    );
    return;
  }
  // Hashed assets never change; the .br/.gz twins written at build time are sent when accepted.
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1y', immutable: true, preCompressed: true });
  // Read per request (a few hundred bytes) so a rebuilt web app is served without a restart.
  const spa = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.readFileSync(index));
  app.get('/', HIDDEN, spa);
  // Client-side routes (/login, /orgs, …) get index.html; anything with an extension 404s.
  app.get('/*', HIDDEN, async (req, reply) => {
    const p = req.url.split('?')[0] ?? '';
    if (p.startsWith('/api/') || path.extname(p)) return reply.callNotFound();
    return spa(req, reply);
  });
}
