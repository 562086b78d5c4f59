import {
  activityCreate,
  activityDetail,
  activityExportQuery,
  activityListQuery,
  activityStatusChange,
  activitySummary,
  activityUpdate,
  attendanceAction,
  attendanceList,
  idParams,
  listOf,
  satisfactionList,
  satisfactionRecord,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { activityAttendanceList, activitySatisfaction, changeAttendance, recordActivitySatisfaction } from './activities.attendance.ts';
import { registerActivityCheckin } from './activities.checkin.ts';
import { exportActivities } from './activities.export.ts';
import { changeStatus, createActivity, editActivity, findActivities, getActivity } from './activities.service.ts';

const tags = ['activities'];

export function activitiesRoutes(app: FastifyInstance): void {
  registerActivityCheckin();
  route(app, {
    method: 'POST',
    url: '/api/v1/activities',
    access: 'activity.write',
    status: 201,
    summary: 'Plan a community activity (社区活动): title, time, place, capacity, organiser, partners, target group',
    tags,
    body: activityCreate,
    response: activityDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createActivity(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities',
    access: 'activity.read',
    summary: 'Activities in scope with sign-up and present counts: search by title or place, status, period, mine',
    tags,
    query: activityListQuery,
    response: listOf(activitySummary),
    handler: (ctx, { query }) => findActivities(ctx, query),
  });
  // Before /activities/:id, so `export` is never read as an id.
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/export',
    download: 'xlsx',
    access: 'activity.read',
    summary: 'The filtered activities as .xlsx (≤ 50,000 rows); Chinese headers, English with Accept-Language: en',
    tags,
    query: activityExportQuery,
    handler: (ctx, { query }, _req, reply) => exportActivities(ctx, query, reply),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id',
    access: 'activity.read',
    summary: 'An activity with its partners, summary, photos and mean satisfaction',
    tags,
    params: idParams,
    response: activityDetail,
    handler: (ctx, { params }) => getActivity(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/activities/:id',
    access: 'activity.write',
    summary: 'Edit an activity, or add its summary and photos afterwards (version required; 409 when stale)',
    tags,
    params: idParams,
    body: activityUpdate,
    response: activityDetail,
    handler: (ctx, { params, body }) => editActivity(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/status',
    operationId: 'changeActivityStatus',
    access: 'activity.write',
    summary: 'Mark a planned activity held (once started) or cancelled (only while nobody has attended); 409 otherwise',
    tags,
    params: idParams,
    body: activityStatusChange,
    response: activityDetail,
    handler: (ctx, { params, body }) => changeStatus(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id/attendance',
    access: 'activity.read',
    summary: 'Everyone signed up or present: when, and how they were marked (list, qr, after)',
    tags,
    params: idParams,
    response: attendanceList,
    handler: (ctx, { params }) => activityAttendanceList(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/attendance',
    operationId: 'changeActivityAttendance',
    access: 'activity.write',
    problems: { 409: true },
    summary:
      'Sign up residents of the scope and others by name (capacity enforced: 409), mark people present (list, or after the end), or tick/un-tick one row',
    tags,
    params: idParams,
    body: attendanceAction,
    response: attendanceList,
    handler: (ctx, { params, body }) => changeAttendance(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id/satisfaction',
    access: 'activity.read',
    summary: 'Satisfaction answers (1–5 with a comment) and their mean',
    tags,
    params: idParams,
    response: satisfactionList,
    handler: (ctx, { params }) => activitySatisfaction(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/satisfaction',
    operationId: 'recordActivitySatisfaction',
    access: 'activity.write',
    problems: { 409: true },
    summary: "A worker records a participant's satisfaction (answering again replaces it)",
    tags,
    params: idParams,
    body: satisfactionRecord,
    response: satisfactionList,
    handler: (ctx, { params, body }) => recordActivitySatisfaction(ctx, params.id, body),
  });
}
