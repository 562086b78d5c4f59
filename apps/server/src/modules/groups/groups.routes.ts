import {
  groupCreate,
  groupDetail,
  groupExportQuery,
  groupListQuery,
  groupMember,
  groupSatisfaction,
  groupSatisfactionBody,
  groupSession,
  groupSummary,
  groupUpdate,
  idParams,
  listOf,
  memberAdd,
  memberParams,
  sessionChange,
  sessionParams,
  sessionPlan,
  sessionRecord,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { exportGroups } from './groups.export.ts';
import { addMembers, createGroup, editGroup, findGroups, getGroup, listMembers, memberLeaves } from './groups.service.ts';
import { addSession, changeSession, listSessions, rateGroup, recordSession, satisfactionOfGroup } from './groups.sessions.ts';

const tags = ['groups'];
const members = z.object({ items: z.array(groupMember) });

export function groupsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/groups',
    access: 'group.write',
    status: 201,
    summary: 'Start a group (小组): goal, type, worker, and its planned sessions (a count weekly from the first, or listed times)',
    tags,
    body: groupCreate,
    response: groupDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createGroup(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups',
    access: 'group.read',
    summary: 'Groups in scope with members, sessions held of planned and person-times; search, type, status, worker (me), resident',
    tags,
    query: groupListQuery,
    response: listOf(groupSummary),
    handler: (ctx, { query }) => findGroups(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups/export',
    download: 'xlsx',
    access: 'group.read',
    summary: 'The filtered groups as .xlsx; Chinese headers, English with Accept-Language: en',
    tags,
    query: groupExportQuery,
    handler: (ctx, { query }, _req, reply) => exportGroups(ctx, query, reply),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups/:id',
    access: 'group.read',
    summary: 'A group with its counts and mean satisfaction',
    tags,
    params: idParams,
    response: groupDetail,
    handler: (ctx, { params }) => getGroup(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/groups/:id',
    access: 'group.write',
    summary: 'Edit a group, end it (a session held) or cancel it (none held); version required, 409 when stale',
    tags,
    params: idParams,
    body: groupUpdate,
    response: groupDetail,
    handler: (ctx, { params, body }) => editGroup(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups/:id/members',
    access: 'group.read',
    summary: 'Members (current first) with the sessions each attended',
    tags,
    params: idParams,
    response: members,
    handler: (ctx, { params }) => listMembers(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/groups/:id/members',
    access: 'group.write',
    summary: 'Add residents of your scope (else 404) and others by name (mobile kept as a blind index); nobody is added twice',
    tags,
    params: idParams,
    body: memberAdd,
    response: members,
    handler: (ctx, { params, body }) => addMembers(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/groups/:id/members/:memberId/leave',
    access: 'group.write',
    summary: 'A member leaves the group (today); their attendance stays',
    tags,
    params: memberParams,
    response: members,
    handler: (ctx, { params }) => memberLeaves(ctx, params.id, params.memberId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups/:id/sessions',
    access: 'group.read',
    summary: 'Sessions in order with status, content, evaluation and who was present',
    tags,
    params: idParams,
    response: z.object({ items: z.array(groupSession) }),
    handler: (ctx, { params }) => listSessions(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/groups/:id/sessions',
    access: 'group.write',
    status: 201,
    summary: 'Plan one more session',
    tags,
    params: idParams,
    body: sessionPlan,
    response: groupSession,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addSession(ctx, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/groups/:id/sessions/:sid',
    access: 'group.write',
    summary: 'Reschedule, rename or cancel a planned session (its attendance follows); version required',
    tags,
    params: sessionParams,
    body: sessionChange,
    response: groupSession,
    handler: (ctx, { params, body }) => changeSession(ctx, params.id, params.sid, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/groups/:id/sessions/:sid/record',
    access: 'group.write',
    summary: 'Record a held session: members present (the others absent), guests, content, evaluation; re-recording replaces the marks',
    tags,
    params: sessionParams,
    body: sessionRecord,
    response: groupSession,
    handler: (ctx, { params, body }) => recordSession(ctx, params.id, params.sid, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/groups/:id/satisfaction',
    access: 'group.read',
    summary: 'Satisfaction answers (1–5 with a comment) and their mean',
    tags,
    params: idParams,
    response: groupSatisfaction,
    handler: (ctx, { params }) => satisfactionOfGroup(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/groups/:id/satisfaction',
    access: 'group.write',
    summary: "A member's satisfaction recorded by the worker (one per member: again replaces it)",
    tags,
    params: idParams,
    body: groupSatisfactionBody,
    response: groupSatisfaction,
    handler: (ctx, { params, body }) => rateGroup(ctx, params.id, body),
  });
}
