// The demo's supervision in 江头: the station head's monthly sessions with the social worker
// over the past year (two of the worker's cases discussed each time, advice, actions), made
// through the real service on their dates. Earlier actions are done; the last session's are
// open, one of them past its due day, so the caseload view shows an overdue action.
import { addDays, areaPrefix } from '@wushe/core';
import type { Database, Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { accountsByUsername, type DemoAccount } from '../cases/cases.demo.repo.ts';
import { casesOfWorker, sessionCount } from './supervision.demo.repo.ts';
import { completeAction, recordSession, type SupervisionCtx } from './supervision.service.ts';

const ADVICE = [
  '跌倒高风险个案应尽快完成适老化改造评估，并与家属明确分工。',
  '心理健康个案注意自伤风险评估频次，必要时转介精神专科。',
  '计划目标要可衡量，建议用次数、分数或时间节点表述。',
  '结案前做好回访安排，巩固服务成效。',
];

export async function seedDemoSupervision(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(sessionCount)) > 0) return 0;
  const accounts = new Map(
    (await database.owner((db) => accountsByUsername(db, ['jiangtou.head', 'jiangtou.sw']))).map((a) => [a.username, a]),
  );
  const head = accounts.get('jiangtou.head');
  const worker = accounts.get('jiangtou.sw');
  if (!head || !worker) return 0;
  const cases = await database.owner((db) => casesOfWorker(db, worker.id));
  if (cases.length < 2) return 0;
  const ctxOf = (a: DemoAccount, day: string): SupervisionCtx => {
    const scope = areaPrefix(a.areaCode);
    return {
      db: scopedDb(database, scope),
      keys,
      scope,
      now: new Date(`${day}T07:00:00Z`),
      ip: null,
      actor: { ...a, permissions: a.permissions as SupervisionCtx['actor']['permissions'], area: { code: a.areaCode, name: '' } },
    };
  };
  let made = 0;
  for (let month = 11; month >= 0; month--) {
    const heldOn = addDays(today, -(month * 30 + 3));
    const discussed = [cases[(month * 2) % cases.length]!.id, cases[(month * 2 + 1) % cases.length]!.id];
    const s = await recordSession(ctxOf(head, heldOn), {
      heldOn,
      format: 'individual',
      workerIds: [worker.id],
      caseIds: discussed,
      advice: ADVICE[month % ADVICE.length]!,
      actions: [
        { text: '两周内完成重点个案的入户回访', dueOn: addDays(heldOn, 14), workerId: worker.id },
        { text: '整理个案记录，补齐服务计划的衡量指标', dueOn: addDays(heldOn, month ? 21 : 2), workerId: worker.id },
      ],
    });
    if (month > 0) {
      let v = s.version;
      for (const n of [0, 1]) v = (await completeAction(ctxOf(worker, addDays(heldOn, 10 + n)), s.id, n, v)).version;
    }
    made++;
  }
  return made;
}
