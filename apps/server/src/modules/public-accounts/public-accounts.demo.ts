// The demo's public accounts, so /p/my can be shown: log in at /p/login with the number; the
// code is written to the server log (no SMS provider in the demo), as the page says.
import { sealPhone, uuidv7, type Database, type Keys } from '@wushe/db';
import { insertAccount } from './public-accounts.repo.ts';

export const DEMO_PUBLIC_ACCOUNTS = [
  { name: '林晓', mobile: '13800000001' },
  { name: '陈志远', mobile: '13800000002' },
] as const;

export async function seedDemoPublicAccounts(database: Database, keys: Keys, now = new Date()): Promise<void> {
  await database.tx('', async (db) => {
    for (const a of DEMO_PUBLIC_ACCOUNTS) {
      const s = sealPhone(keys, a.mobile);
      await insertAccount(db, {
        id: uuidv7(now.getTime()),
        name: a.name,
        mobileCipher: s.phoneCipher!,
        mobileHash: s.phoneHash!,
        mobileMasked: s.phoneMasked!,
        at: now,
      });
    }
  });
}
