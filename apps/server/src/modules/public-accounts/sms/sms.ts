// Sending a code or a notice by SMS: one interface, a provider chosen by WUSHE_SMS_PROVIDER
// (sms.config.ts). Without a provider the code goes to the server log, and the pages say so (demo).
import { maskPhone } from '@wushe/core';
import type { FastifyBaseLogger } from 'fastify';
import { aliyunSender } from './aliyun.ts';
import type { SmsSender } from './provider.ts';
import type { SmsConfig } from './sms.config.ts';
import { tencentSender } from './tencent.ts';

/** The log provider, with the last code per number kept for the browser tests' hook when asked. */
export function logSender(log: Pick<FastifyBaseLogger, 'info'>, keepLast?: Map<string, string>): SmsSender {
  return {
    async send(mobile, code, purpose) {
      log.info({ purpose }, `SMS code for ${maskPhone(mobile)}: ${code} (no SMS provider configured)`);
      keepLast?.set(mobile, code);
    },
    async notify(mobile, notice) {
      log.info({ kind: notice.kind }, `SMS notice for ${maskPhone(mobile)} not sent (no SMS provider configured)`);
    },
  };
}

export function createSmsSender(sms: SmsConfig, log: Pick<FastifyBaseLogger, 'info'>, keepLast?: Map<string, string>): SmsSender {
  if (sms.provider === 'aliyun' && sms.aliyun) return aliyunSender(sms.aliyun);
  if (sms.provider === 'tencent' && sms.tencent) return tencentSender(sms.tencent);
  return logSender(log, keepLast);
}

export { SmsError, type SmsNotice, type SmsSender } from './provider.ts';
