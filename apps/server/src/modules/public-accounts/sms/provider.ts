// What every SMS provider implements.
import type { SmsPurpose } from '@wushe/core';

export interface SmsSender {
  /** Resolves when the provider accepted the message; rejects with the provider's answer otherwise. */
  send(mobile: string, code: string, purpose: SmsPurpose): Promise<void>;
}

/** A provider refused or could not be reached; its message goes to the log, never to the caller. */
export class SmsError extends Error {}

export const SMS_TIMEOUT_MS = 10_000;
