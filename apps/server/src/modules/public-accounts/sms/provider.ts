// What every SMS provider implements.
import type { SmsPurpose } from '@wushe/core';

/** Notices other than codes, each sent with its own template (approved at the provider). */
export type SmsNoticeKind = 'volunteerCall';

export interface SmsNotice {
  kind: SmsNoticeKind;
  /** The template's parameters in template order (Tencent's are positional, Aliyun's named). */
  params: [name: string, value: string][];
}

export interface SmsSender {
  /** Resolves when the provider accepted the message; rejects with the provider's answer otherwise. */
  send(mobile: string, code: string, purpose: SmsPurpose): Promise<void>;
  /** A notice by its kind's template; rejects when no template is configured for it. */
  notify(mobile: string, notice: SmsNotice): Promise<void>;
}

/** A provider refused or could not be reached; its message goes to the log, never to the caller. */
export class SmsError extends Error {}

export const SMS_TIMEOUT_MS = 10_000;
