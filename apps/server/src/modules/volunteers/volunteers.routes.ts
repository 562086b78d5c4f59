// The volunteer register and teams (issue 11 item 5), for staff.
import {
  certificateIssueBody,
  idParams,
  serviceRecordQuery,
  serviceRecords,
  volunteerCertificate,
  volunteerCertificateList,
  listOf,
  team,
  teamBody,
  teamDetail,
  teamListQuery,
  teamMemberBody,
  teamMemberParams,
  teamUpdateBody,
  volunteer,
  volunteerCreateBody,
  volunteerListQuery,
  volunteerRevealBody,
  volunteerTransitionBody,
  volunteerUpdateBody,
  workerRevealResponse,
  volunteerHome as volunteerHomeSchema,
  unmaskedExportBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { issueVolunteerCertificate, volunteerCertificates, volunteerRecords } from './certificates.service.ts';
import { exportVolunteerRecords } from './records.export.ts';
import { volunteerHome } from './home.service.ts';
import { addTeamMember, createTeam, findTeams, getTeam, removeTeamMember, updateTeamById } from './teams.service.ts';
import { exportVolunteers } from './volunteers.export.ts';
import {
  createVolunteer,
  findVolunteers,
  getVolunteer,
  moveVolunteer,
  revealVolunteer,
  updateVolunteerById,
} from './volunteers.service.ts';

const tags = ['volunteers'];
const illegal = { 409: true } as const;

export function volunteersRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/volunteers',
    download: 'xlsx',
    access: 'volunteer.read',
    summary:
      'Volunteers whose home community is in the scope: search name, number or mobile; filter status, skill, team, source; format=xlsx exports',
    tags,
    query: volunteerListQuery,
    response: listOf(volunteer),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportVolunteers(ctx, query, reply) : findVolunteers(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/volunteers',
    access: 'volunteer.write',
    status: 201,
    summary: 'Register a volunteer (real name; ID number and mobile sealed); active at once; a volunteer number of the platform’s own',
    tags,
    body: volunteerCreateBody,
    response: volunteer,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createVolunteer(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/volunteers/:id',
    access: 'volunteer.read',
    summary: 'One volunteer with teams and approved hours',
    tags,
    params: idParams,
    response: volunteer,
    handler: (ctx, { params }) => getVolunteer(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/volunteers/:id',
    access: 'volunteer.write',
    summary: 'Edit a volunteer (version required; 409 when stale)',
    tags,
    params: idParams,
    body: volunteerUpdateBody,
    response: volunteer,
    handler: (ctx, { params, body }) => updateVolunteerById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/volunteers/:id/transition',
    access: 'volunteer.write',
    problems: illegal,
    summary: 'Confirm a self-registration, suspend, resume or mark as left (409 when not allowed in the status)',
    tags,
    params: idParams,
    body: volunteerTransitionBody,
    response: volunteer,
    handler: (ctx, { params, body }) => moveVolunteer(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/volunteers/:id/reveal',
    access: 'volunteer.reveal',
    summary: 'Reveal the ID number or mobile for one view (audited with the reason)',
    tags,
    params: idParams,
    body: volunteerRevealBody,
    response: workerRevealResponse,
    handler: (ctx, { params, body }) => revealVolunteer(ctx, params.id, body.field, body.reason),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/volunteers/:id/certificate',
    access: 'volunteer.write',
    status: 201,
    summary: 'Issue a service-record certificate (志愿服务记录证明) for the approved service recorded in the scope in a period',
    tags,
    params: idParams,
    body: certificateIssueBody,
    response: volunteerCertificate,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await issueVolunteerCertificate(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/volunteers/:id/certificate',
    access: 'volunteer.read',
    summary: "A volunteer's certificates issued in the scope, newest first (for printing again)",
    tags,
    params: idParams,
    response: volunteerCertificateList,
    handler: (ctx, { params }) => volunteerCertificates(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/volunteers/:id/records',
    download: 'xlsx',
    access: 'volunteer.read',
    summary: "A volunteer's service records in the scope; format=xlsx: the approved ones in the national system's fields",
    tags,
    params: idParams,
    query: serviceRecordQuery,
    response: serviceRecords,
    handler: (ctx, { params, query }, _req, reply) =>
      query.format === 'xlsx' ? exportVolunteerRecords(ctx, params.id, reply) : volunteerRecords(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/volunteers/:id/records/export',
    operationId: 'exportVolunteerRecordsUnmasked',
    download: 'xlsx',
    access: 'volunteer.reveal',
    summary:
      "The national system's sheet of a volunteer's approved records with the clear ID number: needs the purpose (`reason`), audited with it and the count",
    tags,
    params: idParams,
    body: unmaskedExportBody,
    handler: (ctx, { params, body }, _req, reply) => exportVolunteerRecords(ctx, params.id, reply, body.reason),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/volunteer-home',
    access: 'volunteer.self',
    summary:
      "A volunteer's 工作台: their record, hours this year, sign-ups, claims, certificates, and open posts and wishes of their street",
    tags,
    response: volunteerHomeSchema,
    handler: (ctx) => volunteerHome(ctx),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/teams',
    access: 'volunteer.read',
    summary: 'Volunteer teams (志愿服务队) in the scope with member counts and leaders',
    tags,
    query: teamListQuery,
    response: listOf(team),
    handler: (ctx, { query }) => findTeams(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/teams',
    access: 'volunteer.write',
    status: 201,
    summary: 'Create a team in an area of the scope',
    tags,
    body: teamBody,
    response: teamDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createTeam(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/teams/:id',
    access: 'volunteer.read',
    summary: 'One team with its members',
    tags,
    params: idParams,
    response: teamDetail,
    handler: (ctx, { params }) => getTeam(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/teams/:id',
    access: 'volunteer.write',
    summary: 'Rename, describe or disband a team (version required)',
    tags,
    params: idParams,
    body: teamUpdateBody,
    response: teamDetail,
    handler: (ctx, { params, body }) => updateTeamById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/teams/:id/members',
    access: 'volunteer.write',
    summary: 'Add a volunteer of the scope to the team, or set their role (leader or member)',
    tags,
    params: idParams,
    body: teamMemberBody,
    response: teamDetail,
    handler: (ctx, { params, body }) => addTeamMember(ctx, params.id, body.volunteerId, body.role),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/teams/:id/members/:volunteerId',
    access: 'volunteer.write',
    summary: 'Take a volunteer off the team',
    tags,
    params: teamMemberParams,
    response: teamDetail,
    handler: (ctx, { params }) => removeTeamMember(ctx, params.id, params.volunteerId),
  });
}
