// SMS settings for public accounts, read with the rest of the environment (config.ts). A chosen
// provider missing a setting stops the start with the names of what is missing. Notices (a
// volunteer's call) go by SMS only with a provider, its notice template and the public address.
import { z } from 'zod';
import type { SmsNoticeKind } from './provider.ts';

const positive = (d: number, max: number) => z.coerce.number().int().min(1).max(max).default(d);

export const smsEnv = {
  /** `log` (default: the code goes to the server log), `aliyun` or `tencent`. */
  WUSHE_SMS_PROVIDER: z.enum(['log', 'aliyun', 'tencent']).default('log'),
  WUSHE_SMS_CODE_TTL_SECONDS: positive(300, 3600),
  WUSHE_SMS_RESEND_SECONDS: positive(60, 3600),
  WUSHE_SMS_PER_NUMBER_HOUR: positive(5, 1000),
  WUSHE_SMS_PER_ADDRESS_HOUR: positive(20, 100_000),
  WUSHE_SMS_MAX_ATTEMPTS: positive(5, 100),
  WUSHE_SMS_ALIYUN_ACCESS_KEY_ID: z.string().optional(),
  WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET: z.string().optional(),
  WUSHE_SMS_ALIYUN_SIGN_NAME: z.string().optional(),
  WUSHE_SMS_ALIYUN_TEMPLATE_CODE: z.string().optional(),
  WUSHE_SMS_ALIYUN_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com/'),
  /** Template of a volunteer's call (parameters title, time, link); without it calls are in-app only. */
  WUSHE_SMS_ALIYUN_CALL_TEMPLATE_CODE: z.string().optional(),
  WUSHE_SMS_TENCENT_SECRET_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_SECRET_KEY: z.string().optional(),
  WUSHE_SMS_TENCENT_SDK_APP_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_SIGN_NAME: z.string().optional(),
  WUSHE_SMS_TENCENT_TEMPLATE_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_REGION: z.string().default('ap-guangzhou'),
  WUSHE_SMS_TENCENT_ENDPOINT: z.url().default('https://sms.tencentcloudapi.com/'),
  /** Template of a volunteer's call ({1} title, {2} time, {3} link); without it calls are in-app only. */
  WUSHE_SMS_TENCENT_CALL_TEMPLATE_ID: z.string().optional(),
  /** The address people reach this installation at (https://…), for links in SMS notices. */
  WUSHE_PUBLIC_URL: z.url().optional(),
  /** e2e only (refused unless NODE_ENV=test): a route that tells the last code the log provider sent. */
  WUSHE_SMS_TEST_HOOK: z.enum(['0', '1']).optional(),
};

export interface AliyunSettings {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  endpoint: string;
  noticeTemplates?: Partial<Record<SmsNoticeKind, string>>;
}

export interface TencentSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region: string;
  endpoint: string;
  noticeTemplates?: Partial<Record<SmsNoticeKind, string>>;
}

export interface SmsConfig {
  provider: 'log' | 'aliyun' | 'tencent';
  codeTtlSeconds: number;
  resendSeconds: number;
  perNumberHour: number;
  perAddressHour: number;
  maxAttempts: number;
  aliyun?: AliyunSettings;
  tencent?: TencentSettings;
  testHook?: boolean;
  /** Where links in notices point (no trailing slash needed). */
  publicUrl?: string;
}

/** Whether a notice of this kind goes out by SMS: a provider with its template, and the public address. */
export function smsNoticeOn(sms: SmsConfig, kind: SmsNoticeKind): boolean {
  const templates =
    sms.provider === 'aliyun' ? sms.aliyun?.noticeTemplates : sms.provider === 'tencent' ? sms.tencent?.noticeTemplates : undefined;
  return Boolean(templates?.[kind] && sms.publicUrl);
}

export const DEFAULT_SMS: SmsConfig = {
  provider: 'log',
  codeTtlSeconds: 300,
  resendSeconds: 60,
  perNumberHour: 5,
  perAddressHour: 20,
  maxAttempts: 5,
};

type SmsEnv = z.output<z.ZodObject<typeof smsEnv>>;

function required<T extends Record<string, string | undefined>>(provider: string, named: T): { [K in keyof T]: string } {
  const missing = Object.entries(named)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length) throw new Error(`Invalid settings:\n  WUSHE_SMS_PROVIDER=${provider} needs ${missing.join(', ')}`);
  return named as { [K in keyof T]: string };
}

export function smsConfigFrom(e: SmsEnv, nodeEnv: string | undefined): SmsConfig {
  if (e.WUSHE_SMS_TEST_HOOK === '1' && nodeEnv !== 'test')
    throw new Error('Invalid settings:\n  WUSHE_SMS_TEST_HOOK=1 is for browser tests only (NODE_ENV=test)');
  const base: SmsConfig = {
    provider: e.WUSHE_SMS_PROVIDER,
    codeTtlSeconds: e.WUSHE_SMS_CODE_TTL_SECONDS,
    resendSeconds: e.WUSHE_SMS_RESEND_SECONDS,
    perNumberHour: e.WUSHE_SMS_PER_NUMBER_HOUR,
    perAddressHour: e.WUSHE_SMS_PER_ADDRESS_HOUR,
    maxAttempts: e.WUSHE_SMS_MAX_ATTEMPTS,
    testHook: e.WUSHE_SMS_TEST_HOOK === '1' && e.WUSHE_SMS_PROVIDER === 'log',
    publicUrl: e.WUSHE_PUBLIC_URL,
  };
  const callTemplate = e.WUSHE_SMS_PROVIDER === 'aliyun' ? e.WUSHE_SMS_ALIYUN_CALL_TEMPLATE_CODE : e.WUSHE_SMS_TENCENT_CALL_TEMPLATE_ID;
  if (e.WUSHE_SMS_PROVIDER !== 'log' && callTemplate) required(e.WUSHE_SMS_PROVIDER, { WUSHE_PUBLIC_URL: e.WUSHE_PUBLIC_URL });
  if (e.WUSHE_SMS_PROVIDER === 'aliyun') {
    const r = required('aliyun', {
      WUSHE_SMS_ALIYUN_ACCESS_KEY_ID: e.WUSHE_SMS_ALIYUN_ACCESS_KEY_ID,
      WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET: e.WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET,
      WUSHE_SMS_ALIYUN_SIGN_NAME: e.WUSHE_SMS_ALIYUN_SIGN_NAME,
      WUSHE_SMS_ALIYUN_TEMPLATE_CODE: e.WUSHE_SMS_ALIYUN_TEMPLATE_CODE,
    });
    base.aliyun = {
      accessKeyId: r.WUSHE_SMS_ALIYUN_ACCESS_KEY_ID,
      accessKeySecret: r.WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET,
      signName: r.WUSHE_SMS_ALIYUN_SIGN_NAME,
      templateCode: r.WUSHE_SMS_ALIYUN_TEMPLATE_CODE,
      endpoint: e.WUSHE_SMS_ALIYUN_ENDPOINT,
      noticeTemplates: { volunteerCall: e.WUSHE_SMS_ALIYUN_CALL_TEMPLATE_CODE },
    };
  }
  if (e.WUSHE_SMS_PROVIDER === 'tencent') {
    const r = required('tencent', {
      WUSHE_SMS_TENCENT_SECRET_ID: e.WUSHE_SMS_TENCENT_SECRET_ID,
      WUSHE_SMS_TENCENT_SECRET_KEY: e.WUSHE_SMS_TENCENT_SECRET_KEY,
      WUSHE_SMS_TENCENT_SDK_APP_ID: e.WUSHE_SMS_TENCENT_SDK_APP_ID,
      WUSHE_SMS_TENCENT_SIGN_NAME: e.WUSHE_SMS_TENCENT_SIGN_NAME,
      WUSHE_SMS_TENCENT_TEMPLATE_ID: e.WUSHE_SMS_TENCENT_TEMPLATE_ID,
    });
    base.tencent = {
      secretId: r.WUSHE_SMS_TENCENT_SECRET_ID,
      secretKey: r.WUSHE_SMS_TENCENT_SECRET_KEY,
      sdkAppId: r.WUSHE_SMS_TENCENT_SDK_APP_ID,
      signName: r.WUSHE_SMS_TENCENT_SIGN_NAME,
      templateId: r.WUSHE_SMS_TENCENT_TEMPLATE_ID,
      region: e.WUSHE_SMS_TENCENT_REGION,
      endpoint: e.WUSHE_SMS_TENCENT_ENDPOINT,
      noticeTemplates: { volunteerCall: e.WUSHE_SMS_TENCENT_CALL_TEMPLATE_ID },
    };
  }
  return base;
}
