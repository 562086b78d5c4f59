// Aliyun SMS (短信服务, Dysmsapi 2017-05-25) SendSms as a signed RPC call: the documented
// signature version 1.0 (HMAC-SHA1 over the sorted, percent-encoded query), no SDK needed.
import crypto from 'node:crypto';
import type { AliyunSettings } from './sms.config.ts';
import { SMS_TIMEOUT_MS, SmsError, type SmsSender } from './provider.ts';

/** RFC 3986 encoding as Aliyun's signature wants it (space %20, * %2A, ~ kept). */
export const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The signature of a GET request's parameters (without Signature). */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return crypto.createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

export function aliyunSender(s: AliyunSettings, now: () => Date = () => new Date()): SmsSender {
  const sendSms = async (mobile: string, templateCode: string, param: Record<string, string>) => {
    const params: Record<string, string> = {
      AccessKeyId: s.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: mobile,
      RegionId: 'cn-hangzhou',
      SignName: s.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: crypto.randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: templateCode,
      TemplateParam: JSON.stringify(param),
      Timestamp: now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const query = new URLSearchParams({ ...params, Signature: aliyunSignature(params, s.accessKeySecret) });
    const res = await fetch(`${s.endpoint.replace(/\/?$/, '/')}?${query}`, { signal: AbortSignal.timeout(SMS_TIMEOUT_MS) });
    const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string };
    if (!res.ok || body.Code !== 'OK') throw new SmsError(`aliyun SendSms: ${res.status} ${body.Code ?? ''} ${body.Message ?? ''}`);
  };
  return {
    send: (mobile, code) => sendSms(mobile, s.templateCode, { code }),
    async notify(mobile, notice) {
      const template = s.noticeTemplates?.[notice.kind];
      if (!template) throw new SmsError(`aliyun: no template for ${notice.kind} notices`);
      await sendSms(mobile, template, Object.fromEntries(notice.params));
    },
  };
}
