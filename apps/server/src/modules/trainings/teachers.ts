// The teacher pool (师资库): teachers from the register or from outside, their subjects, the
// sessions they taught and their rating (the mean of the evaluation answers of those courses).
import {
  meanRating,
  narrowScope,
  inScope,
  type Teacher,
  type teacherBody,
  type teacherListQuery,
  type teacherUpdateBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { workerPerson } from './registrations.repo.ts';
import {
  answersByTeacher,
  insertTeacher,
  listTeachers,
  sessionsTaught,
  teacherById,
  updateTeacher,
  type TeacherRow,
} from './teachers.repo.ts';

type TCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

async function rated(db: Db, list: TeacherRow[]): Promise<Teacher[]> {
  const answers = await answersByTeacher(
    db,
    list.map((t) => t.id),
  );
  return list.map((t) => {
    const mine = answers.filter((a) => a.teacherId === t.id).map((a) => a.answers);
    return { ...t, rating: meanRating(mine), ratings: mine.length };
  });
}

export async function findTeachers(ctx: TCtx, q: z.output<typeof teacherListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run(async (db) => {
    const page = await listTeachers(db, {
      prefix,
      q: q.q,
      subject: q.subject,
      active: q.active === 'all' ? undefined : q.active === 'yes',
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: await rated(db, page.items), total: page.total };
  });
}

async function detailOf(db: Db, scope: string, id: string) {
  const t = await teacherById(db, scope, id);
  if (!t) throw notFound();
  const [r] = await rated(db, [t]);
  return { ...r!, sessions: await sessionsTaught(db, scope, id) };
}

export const getTeacher = (ctx: TCtx, id: string) => ctx.db.run((db) => detailOf(db, ctx.scope, id));

export async function createTeacher(ctx: TCtx, b: z.output<typeof teacherBody>) {
  if (!inScope(ctx.scope, b.areaCode)) throw fieldError('areaCode', 'workforce.area');
  return ctx.db.tx(async (db) => {
    if (b.workerId && !(await workerPerson(db, ctx.scope, b.workerId))) throw fieldError('workerId', 'training.worker');
    const id = uuidv7();
    await insertTeacher(db, {
      id,
      areaCode: b.areaCode,
      name: b.name,
      workerId: b.workerId ?? null,
      affiliation: b.affiliation ?? null,
      subjects: b.subjects,
      bio: b.bio ?? null,
    });
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'teacher.create', targetType: 'teacher', targetId: id, areaCode: b.areaCode, after }));
    return after;
  });
}

export async function editTeacher(ctx: TCtx, id: string, b: z.output<typeof teacherUpdateBody>) {
  return ctx.db.tx(async (db) => {
    const before = await teacherById(db, ctx.scope, id);
    if (!before) throw notFound();
    if (b.workerId && !(await workerPerson(db, ctx.scope, b.workerId))) throw fieldError('workerId', 'training.worker');
    const { version, ...changes } = b;
    if (!(await updateTeacher(db, ctx.scope, id, version, changes))) throw conflict();
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(
      db,
      byActor(ctx, { action: 'teacher.update', targetType: 'teacher', targetId: id, areaCode: before.areaCode, before, after }),
    );
    return after;
  });
}
