// The routes of talent-base alliances (/api/v1/alliances) and pairing agreements
// (/api/v1/partnerships): lists with search and Excel export, one record, and the writes.
import {
  alliance,
  agreementUpload,
  allianceBody,
  allianceEventBody,
  allianceItemParams,
  allianceListQuery,
  allianceMemberBody,
  allianceMemberUpdateBody,
  allianceSummary,
  allianceTrainingBody,
  allianceUpdateBody,
  deliverableBody,
  deliverableDoneBody,
  idParams,
  listOf,
  partnership,
  partnershipBody,
  partnershipListQuery,
  partnershipStatusBody,
  partnershipSummary,
  partnershipUpdateBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportAlliances, exportPartnerships } from './alliances.export.ts';
import {
  addEvent,
  addMember,
  addSharedTraining,
  createAlliance,
  editAlliance,
  editMember,
  findAlliances,
  getAlliance,
  removeItem,
} from './alliances.service.ts';
import {
  addDeliverable,
  attachAgreement,
  createPartnership,
  editPartnership,
  findPartnerships,
  getPartnership,
  moveStatus,
  sendAgreement,
  tickDeliverable,
} from './partnerships.service.ts';

const tags = ['alliances'];

export function alliancesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/alliances',
    download: 'xlsx',
    access: 'alliance.read',
    summary: 'Alliances the scope owns or has a current member base in; search by name or lead; format=xlsx exports',
    tags,
    query: allianceListQuery,
    response: listOf(allianceSummary),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportAlliances(ctx, query, reply) : findAlliances(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/alliances',
    access: 'alliance.write',
    status: 201,
    summary: 'Set up an alliance (the lead organisation becomes its first member base)',
    tags,
    body: allianceBody,
    response: alliance,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createAlliance(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/alliances/:id',
    access: 'alliance.read',
    summary: 'One alliance with its member bases, joint events and shared trainings',
    tags,
    params: idParams,
    response: alliance,
    handler: (ctx, { params }) => getAlliance(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/alliances/:id',
    access: 'alliance.write',
    summary: 'Edit an alliance (the owning scope only; 409 when stale)',
    tags,
    params: idParams,
    body: allianceUpdateBody,
    response: alliance,
    handler: (ctx, { params, body }) => editAlliance(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/alliances/:id/members',
    access: 'alliance.write',
    summary: 'Add a member base: an organisation on the platform (any area) or an outside one by name and area',
    tags,
    params: idParams,
    body: allianceMemberBody,
    response: alliance,
    handler: (ctx, { params, body }) => addMember(ctx, params.id, body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/alliances/:id/members/:itemId',
    access: 'alliance.write',
    summary: 'Record a member base leaving (leftOn) or correct it (409 when stale)',
    tags,
    params: allianceItemParams,
    body: allianceMemberUpdateBody,
    response: alliance,
    handler: (ctx, { params, body }) => editMember(ctx, params.id, params.itemId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/alliances/:id/events',
    access: 'alliance.write',
    summary: 'Record a joint event (title, date, place, host member, participants)',
    tags,
    params: idParams,
    body: allianceEventBody,
    response: alliance,
    handler: (ctx, { params, body }) => addEvent(ctx, params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/alliances/:id/events/:itemId',
    access: 'alliance.write',
    summary: 'Remove a joint event',
    tags,
    params: allianceItemParams,
    response: alliance,
    handler: (ctx, { params }) => removeItem(ctx, params.id, 'event', params.itemId),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/alliances/:id/trainings',
    access: 'alliance.write',
    summary: "Share a training: one of the platform's by id, or an outside one by title",
    tags,
    params: idParams,
    body: allianceTrainingBody,
    response: alliance,
    handler: (ctx, { params, body }) => addSharedTraining(ctx, params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/alliances/:id/trainings/:itemId',
    access: 'alliance.write',
    summary: 'Remove a shared training',
    tags,
    params: allianceItemParams,
    response: alliance,
    handler: (ctx, { params }) => removeItem(ctx, params.id, 'training', params.itemId),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/partnerships',
    download: 'xlsx',
    access: 'alliance.read',
    summary: 'Pairing agreements (一校两社, 结对共建) in the scope: search title or party, filter kind and status; format=xlsx exports',
    tags,
    query: partnershipListQuery,
    response: listOf(partnershipSummary),
    handler: (ctx, { query }, _req, reply) =>
      query.format === 'xlsx' ? exportPartnerships(ctx, query, reply) : findPartnerships(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/partnerships',
    access: 'alliance.write',
    status: 201,
    summary: 'Draft an agreement with its parties (each side the kind needs) and deliverables per side',
    tags,
    body: partnershipBody,
    response: partnership,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createPartnership(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/partnerships/:id',
    access: 'alliance.read',
    summary: 'One agreement with its parties, terms, signed copy and deliverables with progress',
    tags,
    params: idParams,
    response: partnership,
    handler: (ctx, { params }) => getPartnership(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/partnerships/:id',
    access: 'alliance.write',
    summary: 'Edit title, dates, terms or the signed agreement (not once ended; 409 when stale)',
    tags,
    params: idParams,
    body: partnershipUpdateBody,
    response: partnership,
    handler: (ctx, { params, body }) => editPartnership(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/partnerships/:id/status',
    access: 'alliance.write',
    summary: 'Move the status: draft → active → ended only (409 otherwise or when stale)',
    tags,
    params: idParams,
    body: partnershipStatusBody,
    response: partnership,
    handler: (ctx, { params, body }) => moveStatus(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/partnerships/:id/deliverables',
    access: 'alliance.write',
    summary: 'Add a deliverable for one side (party id): what, how many, by when',
    tags,
    params: idParams,
    body: deliverableBody,
    response: partnership,
    problems: { 409: true },
    handler: (ctx, { params, body }) => addDeliverable(ctx, params.id, body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/partnerships/:id/deliverables/:itemId',
    access: 'alliance.write',
    summary: "Tick a deliverable's progress (done of quantity) while in force (409 otherwise or when stale)",
    tags,
    params: allianceItemParams,
    body: deliverableDoneBody,
    response: partnership,
    handler: (ctx, { params, body }) => tickDeliverable(ctx, params.id, params.itemId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/partnerships/:id/agreement',
    access: 'alliance.write',
    summary: 'Upload the signed agreement (PDF or photo, base64, ≤ 5 MB; 409 when ended or stale)',
    tags,
    params: idParams,
    body: agreementUpload,
    bodyLimit: 8 * 1024 * 1024,
    response: partnership,
    problems: { 409: true },
    handler: (ctx, { params, body }) => attachAgreement(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/partnerships/:id/agreement',
    download: 'file',
    access: 'alliance.read',
    summary: 'Download the signed agreement (404 when none)',
    tags,
    params: idParams,
    handler: (ctx, { params }, _req, reply) => sendAgreement(ctx, params.id, reply),
  });
}
