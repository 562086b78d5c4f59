// Public accounts (公众账号): people outside the staff sign up and log in with a mobile number
// verified by an SMS code. Their "my" page is made of sections that later modules fill
// (applications, trainings, hours, certificates), each a list with a kind.
import { z } from 'zod';
import { uuid } from './common.ts';

export const publicMobile = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: 'publicAccount.mobile' }));
const smsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'publicAccount.code' });
const displayName = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { error: 'publicAccount.name' }).max(30, { error: 'publicAccount.name' }));

/** objection: a code that verifies the mobile of someone lodging a 公示 objection (programmes). */
export const smsPurpose = z.enum(['signup', 'login', 'objection']);
export type SmsPurpose = z.infer<typeof smsPurpose>;

export const requestCodeBody = z.object({ mobile: publicMobile, purpose: smsPurpose });
export const requestCodeResult = z.object({
  /** Seconds until another code may be asked for this number. */
  resendAfter: z.number().int(),
  expiresInSeconds: z.number().int(),
  /** No SMS provider: the code went to the server log (demo). */
  demo: z.boolean(),
});
export const signupBody = z.object({ name: displayName, mobile: publicMobile, code: smsCode });
export const publicLoginBody = z.object({ mobile: publicMobile, code: smsCode });
export const publicProfileBody = z.object({ name: displayName, version: z.number().int().min(1) });

export const sectionKind = z.enum(['applications', 'trainings', 'hours', 'certificates', 'jobs', 'wishes']);
export type SectionKind = z.infer<typeof sectionKind>;

/** One line of a section, as the module that owns it describes it. */
export const sectionItem = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  status: z.string().nullable(),
  at: z.string().nullable(),
});
export type SectionItem = z.infer<typeof sectionItem>;

export const publicAccountMe = z.object({
  id: uuid,
  name: z.string(),
  mobileMasked: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  csrfToken: z.string(),
  sections: z.array(z.object({ kind: sectionKind, items: z.array(sectionItem) })),
});
export type PublicAccountMe = z.infer<typeof publicAccountMe>;

/** What the sign-up and login pages need to know before a code is asked. */
export const publicAccountConfig = z.object({
  /** No SMS provider: codes go to the server log. */
  demo: z.boolean(),
  /** A demo installation (its demo public accounts can be named on the page). */
  demoAccounts: z.boolean(),
  resendSeconds: z.number().int(),
});

/** Sign-up's answer: the account, and whether it was made now (false: the number had one, now logged in). */
export const signupResult = publicAccountMe.extend({ created: z.boolean() });

/** The browser tests' hook (NODE_ENV=test with WUSHE_SMS_TEST_HOOK=1 only). */
export const testCodeQuery = z.object({ mobile: publicMobile });
export const testCodeResult = z.object({ code: z.string().nullable() });
