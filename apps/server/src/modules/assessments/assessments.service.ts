// Assessments: score with the stored instrument version, seal the answers, confirm or override
// the suggested care level (changing the resident's level with history), and raise urgent flags.
import {
  AssessmentAnswerError,
  inLang,
  scoreAssessment,
  type Assessment,
  type AssessmentAnswers,
  type AssessmentExtras,
  type InstrumentDefinition,
  shortName,
  urgentNotice,
  type assessmentCreate,
} from '@wushe/core';
import type { z } from 'zod';
import { uuidv7 } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, fieldError, forbidden, notFound, type FieldError } from '../../http/errors.ts';
import { residentRef } from '../coverage/resident-refs.repo.ts';
import { updateResidentRow } from '../residents/residents.write.ts';
import {
  activeInstruments,
  assessmentById,
  assessmentsOf,
  insertAssessment,
  instrumentFor,
  tagLevelChange,
  type InstrumentRow,
} from './assessments.repo.ts';
import { raiseUrgent, urgentRecipients } from './urgent.ts';

export type AssessmentCreate = z.output<typeof assessmentCreate>;

const langKey = (ctx: Ctx) => inLang(ctx.lang, { zh: 'zh', en: 'en' } as const);

const summary = (r: InstrumentRow) => ({
  code: r.code,
  version: r.version,
  name: r.definition.name,
  kind: r.definition.kind,
  definition: r.definition,
});

export async function listInstruments(ctx: Ctx) {
  const found = await ctx.db.run((db) => activeInstruments(db));
  return { items: found.map(summary), total: found.length };
}

export async function getInstrument(ctx: Ctx, code: string, version?: string) {
  const found = await ctx.db.run((db) => instrumentFor(db, code, version));
  if (!found) throw notFound();
  return summary(found);
}

/** "PHQ-9" out of "患者健康问卷（PHQ-9）"; the code otherwise. */
function score(def: InstrumentDefinition, answers: AssessmentAnswers, extras: AssessmentExtras) {
  let result;
  try {
    result = scoreAssessment(def, answers, extras);
  } catch (e) {
    if (!(e instanceof AssessmentAnswerError)) throw e;
    throw badRequest(
      e.issues.map((i): FieldError => {
        const where = i.code === 'unknownExtra' || (i.item in extras && !(i.item in answers)) ? 'extras' : 'answers';
        const key =
          i.code === 'unknownOption'
            ? 'assessment.unknownOption'
            : i.code === 'wrongType'
              ? 'assessment.wrongType'
              : 'assessment.unknownItem';
        return { path: `${where}.${i.item}`, key, params: { value: i.value ?? '' } };
      }),
    );
  }
  // A stored assessment is complete: every required item answered.
  if (!result.complete) throw badRequest(result.missing.map((m) => ({ path: `answers.${m}`, key: 'field.required' })));
  return result;
}

export async function createAssessment(ctx: Ctx, residentId: string, body: AssessmentCreate): Promise<Assessment> {
  // Read and score first; the recipients of an urgent flag are looked up outside the
  // transaction (a PGlite connection cannot be taken twice).
  const { resident, instrument } = await ctx.db.run(async (db) => ({
    resident: await residentRef(db, ctx.scope, residentId),
    instrument: await instrumentFor(db, body.instrumentCode, body.instrumentVersion),
  }));
  if (!resident) throw notFound();
  if (!instrument) throw fieldError(body.instrumentVersion ? 'instrumentVersion' : 'instrumentCode', 'assessment.unknownInstrument');
  const def = instrument.definition;
  const extras = body.extras ?? {};
  const result = score(def, body.answers, extras);

  const suggested = result.suggestedCareLevel;
  const confirmed = body.confirmedCareLevel ?? null;
  const overrideReason = body.overrideReason?.trim() || null;
  // Without a suggestion, a confirmed level that changes the resident's level also needs a reason.
  const baseline = suggested ?? resident.careLevel;
  if (confirmed !== null && confirmed !== baseline && !overrideReason) throw fieldError('overrideReason', 'assessment.overrideReason');

  const urgent = result.flags.includes('urgent');
  const recipients = urgent ? await urgentRecipients(ctx.database, resident.areaCode) : [];
  const id = uuidv7();
  let followUp = null as { followUpId: string; dueAt: Date } | null; // set inside the transaction

  await ctx.db.tx(async (db) => {
    const current = await residentRef(db, ctx.scope, residentId, true);
    if (!current) throw notFound();
    await insertAssessment(db, {
      id,
      residentId,
      areaCode: current.areaCode,
      instrumentCode: def.code,
      instrumentVersion: instrument.version,
      reason: body.reason,
      answersCipher: ctx.keys.seal(JSON.stringify({ answers: body.answers, extras })),
      total: result.total,
      level: result.level === null ? null : String(result.level),
      band: result.band?.code ?? null,
      flags: result.flags,
      suggestedCareLevel: suggested,
      confirmedCareLevel: confirmed,
      overrideReason,
      assessedBy: ctx.actor.id,
      assessedOn: body.assessedOn,
    });
    let levelChange: { from: number; to: number } | null = null;
    if (confirmed !== null && confirmed !== current.careLevel) {
      // The residents module's one way to change a resident: history, due date, audit.
      await updateResidentRow(
        db,
        ctx,
        residentId,
        null,
        { careLevel: confirmed },
        overrideReason ?? `${shortName(def)} 评估`,
        'resident.careLevel.assessment',
      );
      await tagLevelChange(db, residentId, id);
      levelChange = { from: current.careLevel, to: confirmed };
    }
    if (urgent) {
      followUp = await raiseUrgent(db, recipients, {
        residentId,
        areaCode: current.areaCode,
        assessmentId: id,
        notice: urgentNotice(def, current.name),
        assessorId: ctx.actor.id,
        now: ctx.now,
      });
    }
    // The audit names the result, never the answers.
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'assessment.create',
        targetType: 'assessment',
        targetId: id,
        areaCode: current.areaCode,
        after: {
          residentId,
          instrument: `${def.code}@${instrument.version}`,
          total: result.total,
          level: result.level,
          band: result.band?.code ?? null,
          flags: result.flags,
          suggestedCareLevel: suggested,
          confirmedCareLevel: confirmed,
          overrideReason,
          levelChange,
          followUpDueAt: followUp?.dueAt.toISOString() ?? null,
          notified: recipients.length,
          alerted: recipients.map((r) => r.id),
        },
      }),
    );
  });
  const saved = await ctx.db.run((db) => assessmentById(db, ctx.scope, id, langKey(ctx)));
  const { assessedBy: _b, answersCipher: _c, areaCode: _a, ...out } = saved!;
  if (!followUp) return out;
  const alerted = recipients.map((r) => `${r.displayName}（${r.areaName}）`);
  return { ...out, urgentFollowUp: { id: followUp.followUpId, dueAt: followUp.dueAt.toISOString(), alerted } };
}

export async function listAssessments(ctx: Ctx, residentId: string) {
  return ctx.db.run(async (db) => {
    if (!(await residentRef(db, ctx.scope, residentId))) throw notFound();
    const items = await assessmentsOf(db, ctx.scope, residentId, langKey(ctx));
    return { items, total: items.length };
  });
}

/** The assessment with its answers: for those who may reveal, or the assessor; audited. */
export async function getAssessmentAnswers(ctx: Ctx, id: string) {
  return ctx.db.tx(async (db) => {
    const found = await assessmentById(db, ctx.scope, id, langKey(ctx));
    if (!found) throw notFound();
    if (!ctx.actor.permissions.includes('resident.reveal') && found.assessedBy !== ctx.actor.id) throw forbidden();
    let opened: { answers: AssessmentAnswers; extras: AssessmentExtras };
    try {
      opened = JSON.parse(ctx.keys.open(found.answersCipher)) as typeof opened;
    } catch {
      throw new AppError(500, 'error.internal');
    }
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'assessment.answers.view',
        targetType: 'assessment',
        targetId: id,
        areaCode: found.areaCode,
        after: { residentId: found.residentId, instrument: `${found.instrumentCode}@${found.instrumentVersion}` },
      }),
    );
    const { assessedBy: _b, answersCipher: _c, areaCode: _a, ...out } = found;
    return { ...out, answers: opened.answers, extras: opened.extras ?? {} };
  });
}
