// The SMS providers against a local HTTP server standing in for Aliyun's and Tencent's
// endpoints (never the internet): the request carries the number, sign name, template and code,
// and its signature verifies with the secret as the provider would check it. Also the settings:
// a chosen provider lacking a setting stops the start with the names of what is missing. Notices
// (a volunteer's call) go with their own template, and only when it and the public address are set.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { aliyunSender, aliyunSignature } from '../src/modules/public-accounts/sms/aliyun.ts';
import { smsNoticeOn } from '../src/modules/public-accounts/sms/sms.config.ts';
import { logSender } from '../src/modules/public-accounts/sms/sms.ts';
import { tencentSender } from '../src/modules/public-accounts/sms/tencent.ts';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('SMS providers', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("signs Aliyun's documented example as the documentation does", () => {
    // Aliyun's RPC signature example (DescribeRegions, secret "testsecret").
    const params = {
      Timestamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(aliyunSignature(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('sends through Aliyun SendSms with the number, sign, template and code, signed', async () => {
    answer = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' } };
    const secret = 'aliyun-secret';
    const sender = aliyunSender({
      accessKeyId: 'AKID1',
      accessKeySecret: secret,
      signName: '五社',
      templateCode: 'SMS_123',
      endpoint: base,
    });
    await sender.send('13800000001', '482913', 'signup');
    const req = seen.pop()!;
    expect(req.method).toBe('GET');
    const q = Object.fromEntries(new URL(req.url, base).searchParams);
    expect(q).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800000001',
      SignName: '五社',
      TemplateCode: 'SMS_123',
      TemplateParam: '{"code":"482913"}',
      AccessKeyId: 'AKID1',
    });
    const { Signature, ...rest } = q;
    expect(Signature).toBe(aliyunSignature(rest, secret));
    expect(Signature).not.toBe(aliyunSignature(rest, 'another-secret'));

    answer = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'limit' } };
    await expect(sender.send('13800000001', '000000', 'login')).rejects.toThrow(/BUSINESS_LIMIT_CONTROL/);
  });

  it('sends through Tencent SendSms with the number, app, sign, template and code, TC3-signed', async () => {
    answer = { status: 200, body: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success' }], RequestId: 'r' } } };
    const secretKey = 'tencent-secret';
    const sender = tencentSender({
      secretId: 'AKIDt',
      secretKey,
      sdkAppId: '1400000000',
      signName: '五社',
      templateId: '100001',
      region: 'ap-guangzhou',
      endpoint: base,
    });
    await sender.send('13800000002', '105577', 'login');
    const req = seen.pop()!;
    expect(req.method).toBe('POST');
    expect(JSON.parse(req.body)).toEqual({
      PhoneNumberSet: ['+8613800000002'],
      SmsSdkAppId: '1400000000',
      SignName: '五社',
      TemplateId: '100001',
      TemplateParamSet: ['105577'],
    });
    expect(req.headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou' });
    // Verify the signature as the provider does, from the request as received.
    const ts = Number(req.headers['x-tc-timestamp']);
    const date = new Date(ts * 1000).toISOString().slice(0, 10);
    const h = (k: crypto.BinaryLike, s: string) => crypto.createHmac('sha256', k).update(s).digest();
    const hex = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:${req.headers['content-type']}\nhost:${req.headers.host}\n\ncontent-type;host\n${hex(req.body)}`;
    const toSign = `TC3-HMAC-SHA256\n${ts}\n${date}/sms/tc3_request\n${hex(canonical)}`;
    const sig = crypto
      .createHmac('sha256', h(h(h(`TC3${secretKey}`, date), 'sms'), 'tc3_request'))
      .update(toSign)
      .digest('hex');
    expect(req.headers.authorization).toBe(
      `TC3-HMAC-SHA256 Credential=AKIDt/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`,
    );

    answer = { status: 200, body: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad' } } } };
    await expect(sender.send('13800000002', '000000', 'login')).rejects.toThrow(/SignatureFailure/);
  });

  it("sends a notice with its kind's template: Aliyun by name, Tencent by position; none without a template", async () => {
    answer = { status: 200, body: { Code: 'OK', Message: 'OK' } };
    const notice = {
      kind: 'volunteerCall' as const,
      params: [
        ['title', '助老送餐'],
        ['time', '2026-06-13 09:00-11:00'],
        ['link', 'https://wushe.example.cn/p/volunteer'],
      ] as [string, string][],
    };
    const aliyun = { accessKeyId: 'AK', accessKeySecret: 's', signName: '五社', templateCode: 'SMS_1', endpoint: base };
    await aliyunSender({ ...aliyun, noticeTemplates: { volunteerCall: 'SMS_CALL' } }).notify('13800000003', notice);
    const q = Object.fromEntries(new URL(seen.pop()!.url, base).searchParams);
    expect(q).toMatchObject({ PhoneNumbers: '13800000003', TemplateCode: 'SMS_CALL' });
    expect(JSON.parse(q.TemplateParam!)).toEqual({
      title: '助老送餐',
      time: '2026-06-13 09:00-11:00',
      link: 'https://wushe.example.cn/p/volunteer',
    });
    await expect(aliyunSender(aliyun).notify('13800000003', notice)).rejects.toThrow(/no template/);

    answer = { status: 200, body: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success' }], RequestId: 'r' } } };
    const tencent = {
      secretId: 'id',
      secretKey: 'k',
      sdkAppId: '1400',
      signName: '五社',
      templateId: '1',
      region: 'ap-guangzhou',
      endpoint: base,
    };
    await tencentSender({ ...tencent, noticeTemplates: { volunteerCall: '2' } }).notify('13800000004', notice);
    expect(JSON.parse(seen.pop()!.body)).toMatchObject({
      PhoneNumberSet: ['+8613800000004'],
      TemplateId: '2',
      TemplateParamSet: ['助老送餐', '2026-06-13 09:00-11:00', 'https://wushe.example.cn/p/volunteer'],
    });
  });

  it('turns call notices on only with a provider, its call template and the public address', () => {
    const aliyun = {
      WUSHE_SMS_PROVIDER: 'aliyun',
      WUSHE_SMS_ALIYUN_ACCESS_KEY_ID: 'id',
      WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret',
      WUSHE_SMS_ALIYUN_SIGN_NAME: '五社',
      WUSHE_SMS_ALIYUN_TEMPLATE_CODE: 'SMS_1',
    };
    expect(smsNoticeOn(loadConfig(aliyun).sms!, 'volunteerCall')).toBe(false);
    expect(() => loadConfig({ ...aliyun, WUSHE_SMS_ALIYUN_CALL_TEMPLATE_CODE: 'SMS_2' })).toThrow(/needs WUSHE_PUBLIC_URL/);
    const on = loadConfig({ ...aliyun, WUSHE_SMS_ALIYUN_CALL_TEMPLATE_CODE: 'SMS_2', WUSHE_PUBLIC_URL: 'https://wushe.example.cn' }).sms!;
    expect(smsNoticeOn(on, 'volunteerCall')).toBe(true);
    expect(on).toMatchObject({ publicUrl: 'https://wushe.example.cn', aliyun: { noticeTemplates: { volunteerCall: 'SMS_2' } } });
    expect(smsNoticeOn(loadConfig({ WUSHE_PUBLIC_URL: 'https://wushe.example.cn' }).sms!, 'volunteerCall')).toBe(false);
  });

  it('writes the code to the log, with the number masked, when no provider is configured', async () => {
    const lines: string[] = [];
    await logSender({ info: (_o: unknown, msg: string) => void lines.push(msg) } as never).send('13812341234', '123456', 'signup');
    expect(lines).toEqual(['SMS code for 138****1234: 123456 (no SMS provider configured)']);
  });

  it('reads the provider from the environment, and names what a chosen provider lacks', () => {
    expect(loadConfig({}).sms).toMatchObject({
      provider: 'log',
      codeTtlSeconds: 300,
      resendSeconds: 60,
      perNumberHour: 5,
      perAddressHour: 20,
    });
    expect(() => loadConfig({ WUSHE_SMS_PROVIDER: 'aliyun', WUSHE_SMS_ALIYUN_ACCESS_KEY_ID: 'x' })).toThrow(
      /WUSHE_SMS_PROVIDER=aliyun needs WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET, WUSHE_SMS_ALIYUN_SIGN_NAME, WUSHE_SMS_ALIYUN_TEMPLATE_CODE/,
    );
    expect(() => loadConfig({ WUSHE_SMS_PROVIDER: 'tencent' })).toThrow(/WUSHE_SMS_TENCENT_SECRET_ID/);
    expect(() => loadConfig({ WUSHE_SMS_PROVIDER: 'sms-r-us' })).toThrow(/WUSHE_SMS_PROVIDER/);
    expect(() => loadConfig({ WUSHE_SMS_TEST_HOOK: '1', NODE_ENV: 'production' })).toThrow(/browser tests only/);
    const tencent = loadConfig({
      WUSHE_SMS_PROVIDER: 'tencent',
      WUSHE_SMS_TENCENT_SECRET_ID: 'id',
      WUSHE_SMS_TENCENT_SECRET_KEY: 'key',
      WUSHE_SMS_TENCENT_SDK_APP_ID: '1400',
      WUSHE_SMS_TENCENT_SIGN_NAME: '五社',
      WUSHE_SMS_TENCENT_TEMPLATE_ID: '1',
      WUSHE_SMS_CODE_TTL_SECONDS: '600',
    }).sms!;
    expect(tencent).toMatchObject({
      provider: 'tencent',
      codeTtlSeconds: 600,
      tencent: { endpoint: 'https://sms.tencentcloudapi.com/', region: 'ap-guangzhou' },
    });
  });
});
