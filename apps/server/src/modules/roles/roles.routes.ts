import { idParams, listOf, okResponse, role, roleCreateBody, roleUpdateBody } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { createRole, deleteRole, listRoles, updateRole } from './roles.service.ts';

const tags = ['roles'];

export function rolesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/roles',
    access: 'role.read',
    summary: 'All roles with their permissions and how many accounts hold each',
    tags,
    response: listOf(role),
    handler: async (ctx) => {
      const items = await listRoles(ctx);
      return { items, total: items.length };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/roles',
    access: 'role.write',
    summary: 'Define a custom role as a set of permissions',
    tags,
    body: roleCreateBody,
    response: role,
    handler: (ctx, { body }) => createRole(ctx, body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/roles/:id',
    access: 'role.write',
    summary: 'Edit a custom role, or require two-factor login for any role (409 if stale)',
    tags,
    params: idParams,
    body: roleUpdateBody,
    response: role,
    handler: (ctx, { params, body }) => updateRole(ctx, params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/roles/:id',
    access: 'role.write',
    summary: 'Delete a custom role that no account holds',
    tags,
    params: idParams,
    response: okResponse,
    handler: (ctx, { params }) => deleteRole(ctx, params.id),
  });
}
