// In-app notifications (e.g. an urgent screening flag to the station head): the caller's own.
import { idParams, notification, notificationListQuery, okResponse } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { myNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    access: 'authenticated',
    summary: 'My notifications, newest first, with the unread count',
    tags,
    query: notificationListQuery,
    response: z.object({ items: z.array(notification), total: z.number().int(), unread: z.number().int() }),
    handler: (ctx, { query }) => myNotifications(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    operationId: 'markNotificationRead',
    access: 'authenticated',
    summary: 'Mark one of my notifications read',
    tags,
    params: idParams,
    response: okResponse,
    handler: (ctx, { params }) => readNotification(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    access: 'authenticated',
    summary: 'Mark all my notifications read',
    tags,
    response: okResponse,
    handler: (ctx) => readAllNotifications(ctx),
  });
}
