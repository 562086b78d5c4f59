// SMS settings for public accounts, read with the rest of the environment (config.ts). A chosen
// provider missing a setting stops the start with the names of what is missing.
import { z } from 'zod';

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
  WUSHE_SMS_TENCENT_SECRET_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_SECRET_KEY: z.string().optional(),
  WUSHE_SMS_TENCENT_SDK_APP_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_SIGN_NAME: z.string().optional(),
  WUSHE_SMS_TENCENT_TEMPLATE_ID: z.string().optional(),
  WUSHE_SMS_TENCENT_REGION: z.string().default('ap-guangzhou'),
  WUSHE_SMS_TENCENT_ENDPOINT: z.url().default('https://sms.tencentcloudapi.com/'),
  /** e2e only (refused unless NODE_ENV=test): a route that tells the last code the log provider sent. */
  WUSHE_SMS_TEST_HOOK: z.enum(['0', '1']).optional(),
};

export interface AliyunSettings {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  endpoint: string;
}

export interface TencentSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region: string;
  endpoint: string;
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
  };
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
    };
  }
  return base;
}
