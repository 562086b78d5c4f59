// Tencent Cloud SMS (短信, API 2021-01-11) SendSms as a signed call: the documented
// TC3-HMAC-SHA256 signature over the canonical request, no SDK needed.
import crypto from 'node:crypto';
import type { TencentSettings } from './sms.config.ts';
import { SMS_TIMEOUT_MS, SmsError, type SmsSender } from './provider.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s).digest();

/** The Authorization header for a JSON POST to `host` at `timestamp` (seconds). */
export function tencentAuthorization(opts: {
  secretId: string;
  secretKey: string;
  host: string;
  payload: string;
  timestamp: number;
  service?: string;
}): string {
  const service = opts.service ?? 'sms';
  const date = new Date(opts.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${opts.host}\n`,
    'content-type;host',
    sha256(opts.payload),
  ].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(opts.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${opts.secretKey}`, date), service), 'tc3_request');
  const signature = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${opts.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

export function tencentSender(s: TencentSettings, now: () => Date = () => new Date()): SmsSender {
  const sendSms = async (mobile: string, templateId: string, values: string[]) => {
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${mobile}`],
      SmsSdkAppId: s.sdkAppId,
      SignName: s.signName,
      TemplateId: templateId,
      TemplateParamSet: values,
    });
    const url = new URL(s.endpoint);
    const timestamp = Math.floor(now().getTime() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
      headers: {
        Authorization: tencentAuthorization({ secretId: s.secretId, secretKey: s.secretKey, host: url.host, payload, timestamp }),
        'Content-Type': 'application/json; charset=utf-8',
        'X-TC-Action': 'SendSms',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Version': '2021-01-11',
        'X-TC-Region': s.region,
      },
      body: payload,
    });
    const body = (await res.json().catch(() => ({}))) as {
      Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string }[] };
    };
    const status = body.Response?.SendStatusSet?.[0];
    if (!res.ok || body.Response?.Error || status?.Code !== 'Ok')
      throw new SmsError(
        `tencent SendSms: ${res.status} ${body.Response?.Error?.Code ?? status?.Code ?? ''} ${body.Response?.Error?.Message ?? status?.Message ?? ''}`,
      );
  };
  return {
    send: (mobile, code) => sendSms(mobile, s.templateId, [code]),
    async notify(mobile, notice) {
      const template = s.noticeTemplates?.[notice.kind];
      if (!template) throw new SmsError(`tencent: no template for ${notice.kind} notices`);
      await sendSms(
        mobile,
        template,
        notice.params.map(([, v]) => v),
      );
    },
  };
}
