// 等保 2.0 password rules; the numbers are configurable per installation.
export interface PasswordPolicy {
  minLength: number;
  minClasses: number; // of: lower, upper, digit, symbol
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/\d/.test(pw)) n++;
  if (/[^A-Za-z0-9]/.test(pw)) n++;
  return n;
}

/** Returns a message key when the password breaks the policy, else null. */
export function checkPassword(pw: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  if (pw.length < policy.minLength) return 'password.tooShort';
  if (passwordClasses(pw) < policy.minClasses) return 'password.tooSimple';
  if (pw.length > 128) return 'password.tooLong';
  return null;
}
