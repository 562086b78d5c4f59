import { idParams, listOf, resetPasswordBody, user, userCreateBody, userListQuery, userUpdateBody } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportUsers } from './users.export.ts';
import { adminAction, createUser, findUsers, getUser, updateUserById } from './users.service.ts';

const tags = ['users'];

export function usersRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/users',
    download: 'xlsx', // format=xlsx
    access: 'user.read',
    summary: "Accounts in the caller's scope: search, filter, sort, page; format=xlsx exports",
    tags,
    query: userListQuery,
    response: listOf(user),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportUsers(ctx, query, reply) : findUsers(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users',
    access: 'user.write',
    summary: 'Create an account (must change its password at first login)',
    tags,
    body: userCreateBody,
    response: user,
    handler: (ctx, { body }) => createUser(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/users/:id',
    access: 'user.read',
    summary: "One account (404 outside the caller's scope)",
    tags,
    params: idParams,
    response: user,
    handler: (ctx, { params }) => getUser(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    access: 'user.write',
    summary: 'Edit, disable or re-enable an account (send the version you read; 409 if stale)',
    tags,
    params: idParams,
    body: userUpdateBody,
    response: user,
    handler: (ctx, { params, body }) => updateUserById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/reset-password',
    operationId: 'resetUserPassword',
    access: 'user.write',
    summary: 'Set a new initial password; the person must change it at next login',
    tags,
    params: idParams,
    body: resetPasswordBody,
    response: user,
    handler: (ctx, { params, body }) => adminAction(ctx, params.id, 'reset-password', body.password),
  });
  for (const action of ['lock', 'unlock'] as const) {
    route(app, {
      method: 'POST',
      url: `/api/v1/users/:id/${action}`,
      access: 'user.write',
      summary: action === 'lock' ? 'Lock an account until unlocked (ends its sessions)' : 'Unlock an account and clear failed attempts',
      tags,
      params: idParams,
      response: user,
      handler: (ctx, { params }) => adminAction(ctx, params.id, action),
    });
  }
}
