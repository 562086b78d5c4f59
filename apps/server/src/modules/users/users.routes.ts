import { idParams, listOf, resetPasswordBody, user, userCreateBody, userListQuery, userUpdateBody, type User } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { EXPORT_LIMIT, sendXlsx } from '../../http/excel.ts';
import { route } from '../../http/route.ts';
import { adminAction, createUser, findUsers, getUser, updateUserById } from './users.service.ts';

const tags = ['users'];
const STATUS = { active: ['正常', 'active'], locked: ['锁定', 'locked'], disabled: ['停用', 'disabled'] } as const;

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
    handler: async (ctx, { query }, _req, reply) => {
      if (query.format !== 'xlsx') return findUsers(ctx, query);
      const { items } = await findUsers(ctx, { ...query, page: 1 }, EXPORT_LIMIT);
      const en = ctx.lang === 'en';
      return sendXlsx<User>(
        reply,
        en ? 'accounts.xlsx' : '账号.xlsx',
        en ? 'Accounts' : '账号',
        [
          { header: en ? 'Username' : '用户名', value: (u) => u.username },
          { header: en ? 'Name' : '姓名', value: (u) => u.displayName },
          { header: en ? 'Phone' : '手机号', value: (u) => u.phone },
          { header: en ? 'Role' : '角色', value: (u) => u.roleName },
          { header: en ? 'Organisation' : '所属组织', value: (u) => u.orgName, width: 30 },
          { header: en ? 'Area' : '所在区划', value: (u) => u.areaName },
          { header: en ? 'Status' : '状态', value: (u) => STATUS[u.status][en ? 1 : 0] },
          { header: en ? 'Last login' : '最近登录', value: (u) => u.lastLoginAt, width: 24 },
        ],
        items,
      );
    },
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
