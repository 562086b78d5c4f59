import { contactPrint, idParams } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { contactForPrint } from './print.service.ts';

export function printRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/contacts/:id/print',
    operationId: 'getContactPrint',
    access: 'resident.read',
    summary: 'A visit record for print (走访记录表): the contact and its resident, masked',
    tags: ['contacts'],
    params: idParams,
    response: contactPrint,
    handler: (ctx, { params }) => contactForPrint(ctx, params.id),
  });
}
