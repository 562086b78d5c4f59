// The demo's transfers (调入调出) between 江头街道 and 金山街道: an approval weeks ago (the
// resident now held by 金山), a decline with its reason, and two requests waiting, one each
// way. Made through the real request and decision services, as the demo accounts on the demo's
// past dates, so every row is what a real transfer writes: the request, the move of the record
// and its linked rows, the status/community history, the notifications and both stations'
// audit lines (those carry the time they were written: the audit chain is clock-stamped).
// Runs after the residents are loaded and before the coverage trend is filled, which then
// counts the moved resident where they were on each earlier date.
import { addDays, areaPrefix, transferDecision, transferRequest } from '@wushe/core';
import type { Database, Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { workersByUsername } from '../residents/residents.assign.repo.ts';
import { communitiesIn, transferCandidates, transferCount, type DemoCandidate } from './transfers.demo.repo.ts';
import { decideTransfer, requestTransfer, type TransferCtx } from './transfers.service.ts';

const JIANGTOU = '350206004';
const JINSHAN = '350206005';

interface DemoTransfer {
  /** The street holding the resident; the account asking for them into its own street. */
  from: string;
  requester: string;
  note: string;
  askedDaysAgo: number;
  decision?: { by: string; daysAgo: number; decision: 'approve' | 'decline'; reason?: string };
}

/** Oldest first: the services stamp each step with its own date, in the order they happened. */
const PLAN: DemoTransfer[] = [
  {
    from: JIANGTOU,
    requester: 'jinshan.sw',
    askedDaysAgo: 24,
    note: '本人已随子女搬至金山街道居住，户籍一并迁入',
    decision: { by: 'jiangtou.head', daysAgo: 23, decision: 'approve' },
  },
  {
    from: JIANGTOU,
    requester: 'jinshan.sw',
    askedDaysAgo: 12,
    note: '家属来电：老人已搬到女儿家（金山街道）',
    decision: {
      by: 'jiangtou.head',
      daysAgo: 11,
      decision: 'decline',
      reason: '经入户核实，老人只是在女儿家短住，仍居住在本社区，暂不调出',
    },
  },
  { from: JIANGTOU, requester: 'jinshan.sw', askedDaysAgo: 2, note: '本人来站登记，已在金山街道长期租房居住' },
  { from: JINSHAN, requester: 'jiangtou.sw', askedDaysAgo: 1, note: '已搬回江头街道原住址，由江头社工站跟进' },
];

/** 10:00 in Shanghai on the day `daysAgo` before `today`, plus `hours`. */
const dayAt = (today: string, daysAgo: number, hours = 0) =>
  new Date(Date.parse(`${addDays(today, -daysAgo)}T02:00:00Z`) + hours * 3_600_000);

/**
 * Seeds the demo's transfers once (none yet), when the demo accounts and enough residents are
 * there; returns how many were made.
 */
export async function seedDemoTransfers(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(transferCount)) > 0) return 0;
  const names = [...new Set(PLAN.flatMap((p) => [p.requester, ...(p.decision ? [p.decision.by] : [])]))];
  // Whole installation ('' scope): the accounts of both streets.
  const account = new Map((await database.owner((db) => workersByUsername(db, '', names))).map((a) => [a.username, a]));
  if (names.some((u) => !account.has(u))) return 0;
  const picked = new Map<string, DemoCandidate[]>();
  for (const street of new Set(PLAN.map((p) => p.from))) {
    const need = PLAN.filter((p) => p.from === street).length;
    const found = await database.owner((db) => transferCandidates(db, street, need));
    if (found.length < need) return 0; // a demo loaded with few residents has no transfers
    picked.set(street, found);
  }

  const ctxOf = (username: string, now: Date): TransferCtx => {
    const a = account.get(username)!;
    const scope = areaPrefix(a.areaCode);
    return { db: scopedDb(database, scope), database, keys, scope, now, ip: null, actor: a };
  };
  let made = 0;
  for (const [k, p] of PLAN.entries()) {
    const resident = picked.get(p.from)!.shift()!;
    const asker = ctxOf(p.requester, dayAt(today, p.askedDaysAgo));
    const into = await database.owner((db) => communitiesIn(db, asker.scope));
    const body = transferRequest.parse({
      documentType: resident.documentType,
      idNumber: keys.open(resident.idCipher),
      toAreaCode: into[(k * 7) % into.length],
      note: p.note,
    });
    const asked = await requestTransfer(asker, body);
    if (p.decision) {
      const d = p.decision;
      const decision = transferDecision.parse({ decision: d.decision, reason: d.reason });
      await decideTransfer(ctxOf(d.by, dayAt(today, d.daysAgo, 5)), asked.id, decision);
    }
    made++;
  }
  return made;
}
