import { publicConfig } from '@wushe/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@wushe/db/demo';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { route } from '../../http/route.ts';
import { pingDatabase } from './public.repo.ts';

export function publicRoutes(app: FastifyInstance, services: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/health',
    access: 'public',
    summary: 'Readiness: answers when the server and its database are ready',
    tags: ['public'],
    response: z.object({ status: z.literal('ok'), database: z.string() }),
    handler: async () => {
      await services.database.any(pingDatabase);
      return { status: 'ok' as const, database: services.database.kind };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/config',
    access: 'public',
    summary: 'What the login page needs: demo mode, installation area, password policy',
    tags: ['public'],
    response: publicConfig,
    handler: async () => {
      const { installation, config } = services;
      return {
        demo: installation.demo,
        demoPassword: installation.demo ? DEMO_PASSWORD : null,
        demoAccounts: installation.demo ? DEMO_ACCOUNTS.map((a) => ({ username: a.username, label: a.label })) : [],
        installationArea: { code: installation.areaCode, name: installation.areaName },
        passwordPolicy: config.passwordPolicy,
        version: '0.1.0',
      };
    },
  });
}
