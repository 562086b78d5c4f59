// SMS to called volunteers ("in-app notice, and SMS through the adapter when configured"): queued
// once the call's transaction has committed and sent from the job queue, so a slow gateway holds
// neither locks nor the request. The mobile is unsealed in the job only and never logged.
import { shanghaiToday } from '@wushe/core';
import type { JobDefinition } from '../../jobs/queue.ts';
import type { Ctx, Services } from '../../context.ts';
import { DEFAULT_SMS, smsNoticeOn } from '../public-accounts/sms/sms.config.ts';
import { createSmsSender, type SmsNotice } from '../public-accounts/sms/sms.ts';
import { callForSms } from './mobilisations.repo.ts';

export const CALL_SMS = 'mobilisation-call-sms';

const hm = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
const day = (iso: string) => shanghaiToday(new Date(iso));

/** The call's SMS: the need's title (short: providers cap a parameter), its Shanghai time, the volunteer page. */
export function callNotice(c: { title: string; startsAt: string; endsAt: string }, publicUrl: string): SmsNotice {
  const end = day(c.endsAt) === day(c.startsAt) ? hm(c.endsAt) : `${day(c.endsAt).slice(5)} ${hm(c.endsAt)}`;
  return {
    kind: 'volunteerCall',
    params: [
      ['title', [...c.title].slice(0, 20).join('')],
      ['time', `${day(c.startsAt)} ${hm(c.startsAt)}-${end}`],
      ['link', `${publicUrl.replace(/\/+$/, '')}/p/volunteer`],
    ],
  };
}

export function mobilisationJobs(services: Services): JobDefinition[] {
  return [
    {
      name: CALL_SMS,
      queue: { policy: 'standard', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
      concurrency: 2,
      pollingSeconds: 5,
      handler: async (data, _job, log) => {
        const { callId } = data as { callId: string };
        const sms = services.config.sms ?? DEFAULT_SMS;
        if (!smsNoticeOn(sms, 'volunteerCall')) return;
        const c = await services.database.owner((db) => callForSms(db, callId));
        // Answered before the SMS went out: the volunteer has seen it already.
        if (!c || c.status !== 'sent' || !c.mobileCipher) return;
        await createSmsSender(sms, log).notify(services.keys.open(c.mobileCipher), callNotice(c, sms.publicUrl!));
        log.info({ callId }, 'call SMS sent');
      },
    },
  ];
}

/** Queues the SMS of calls just written, after their transaction, when call notices are on. */
export async function queueCallSms(ctx: Ctx, callIds: readonly string[]) {
  if (!callIds.length || !smsNoticeOn(ctx.config.sms ?? DEFAULT_SMS, 'volunteerCall')) return;
  try {
    for (const callId of callIds) await ctx.jobs.send(CALL_SMS, { callId });
  } catch (err) {
    // The call stands and shows in the volunteer's app; only the SMS is lost.
    ctx.log.error({ err }, 'call SMS not queued');
  }
}
