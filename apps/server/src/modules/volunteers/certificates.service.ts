// Service-record certificates (志愿服务记录证明, domain brief §9) and the service records.
// A station certifies the approved service it recorded in a period: the certificate keeps what
// it said (hours, services, content, issuer), so the public check shows that content and an
// edited printout is caught. The national-format sheet of the records is records.export.ts.
import crypto from 'node:crypto';
import { hoursOf, shanghaiToday, type VolunteerCertificate, type certificateIssueBody } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { approvedService, certificateByCode, certificatesOf, insertCertificate, serviceRecordsOf } from './certificates.repo.ts';
import { volunteerById } from './volunteers.repo.ts';

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const verificationCode = () => Array.from(crypto.randomBytes(10), (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');

const withHours = (c: Omit<VolunteerCertificate, 'hours'>): VolunteerCertificate => ({ ...c, hours: hoursOf(c.minutes) });

/** What the certificate says was done: the activities, most frequent first. */
function contentOf(rows: { activityTitle: string }[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.activityTitle, (counts.get(r.activityTitle) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return `参加${top.map(([t, n]) => (n > 1 ? `${t}（${n}次）` : t)).join('、')}${counts.size > 5 ? `等${counts.size}项` : ''}志愿服务`;
}

export async function issueVolunteerCertificate(ctx: Ctx, volunteerId: string, b: z.output<typeof certificateIssueBody>) {
  const today = shanghaiToday(ctx.now);
  if (b.from > b.to) throw fieldError('to', 'certificate.period');
  if (b.to > today) throw fieldError('to', 'certificate.period');
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.tx(async (db) => {
        const v = await volunteerById(db, ctx.scope, volunteerId);
        if (!v) throw notFound();
        const done = await approvedService(db, ctx.scope, volunteerId, b.from, b.to);
        const minutes = done.reduce((n, r) => n + r.creditedMinutes, 0);
        if (!done.length || minutes === 0) throw fieldError('from', 'certificate.noHours');
        const id = uuidv7();
        const code = verificationCode();
        await insertCertificate(db, {
          id,
          volunteerId,
          areaCode: v.areaCode.startsWith(ctx.scope) ? v.areaCode : ctx.actor.area.code,
          code,
          number: `ZYZM${today.replace(/-/g, '')}${code.slice(0, 4)}`,
          from: b.from,
          to: b.to,
          minutes,
          services: done.length,
          content: contentOf(done),
          issuer: ctx.actor.org?.name ?? `${ctx.actor.area.name}社工站`,
          issuerContact: b.issuerContact ?? null,
          issuedOn: today,
          by: ctx.actor.id,
        });
        const [c] = (await certificatesOf(db, ctx.scope, volunteerId)).filter((x) => x.code === code);
        await appendAudit(
          db,
          byActor(ctx, {
            action: 'volunteer.certificate',
            targetType: 'volunteer',
            targetId: volunteerId,
            areaCode: v.areaCode,
            after: { code, minutes, from: b.from, to: b.to },
          }),
        );
        return withHours(c!);
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt > 2) throw e; // a code drawn twice: draw again
    }
  }
}

export async function volunteerCertificates(ctx: Ctx, volunteerId: string) {
  return ctx.db.run(async (db) => {
    if (!(await volunteerById(db, ctx.scope, volunteerId))) throw notFound();
    return { items: (await certificatesOf(db, ctx.scope, volunteerId)).map(withHours) };
  });
}

/** The public check: the certificate's own content, the name masked. */
export async function verifyVolunteerCertificate(ctx: Ctx, code: string) {
  const c = await ctx.database.owner((db) => certificateByCode(db, code));
  if (!c) return undefined;
  return {
    code: c.code,
    title: '志愿服务记录证明',
    hours: hoursOf(c.minutes),
    issuedOn: c.issuedOn,
    kind: 'volunteer' as const,
    volunteerNo: c.volunteerNo,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    services: c.services,
    content: c.content,
    issuer: c.issuer,
    name: c.name,
  };
}

export async function volunteerRecords(ctx: Ctx, volunteerId: string) {
  return ctx.db.run(async (db) => {
    if (!(await volunteerById(db, ctx.scope, volunteerId))) throw notFound();
    const items = await serviceRecordsOf(db, ctx.scope, volunteerId);
    return { items, creditedMinutes: items.reduce((n, r) => n + (r.status === 'approved' ? (r.creditedMinutes ?? 0) : 0), 0) };
  });
}
