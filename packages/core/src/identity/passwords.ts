import { hash, verify, Algorithm } from '@node-rs/argon2';
import { InputCheck } from '@gongzhi/plugin-sdk';

/** argon2id with the OWASP-recommended minimums (19 MiB, 2 passes). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-not-used-1'));

/** Usernames: what every account, the first platform admin included, must look like. */
export const USERNAME_RULE = { pattern: /^[a-z0-9._-]{3,40}$/, message: 'must be 3–40 lowercase letters, digits, dot, dash or underscore' };

/** At least 10 characters with letters and digits, not containing the username. */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): void {
  new InputCheck()
    .check(password.length >= 10 && password.length <= 128, field, 'must be 10–128 characters')
    .check(/[A-Za-z]/.test(password) && /\d/.test(password), field, 'must contain letters and digits')
    .check(!username || !password.toLowerCase().includes(username.toLowerCase()), field, 'must not contain the username')
    .done();
}

/** A new account's username and password (fields `username`, `password`); BAD_USER_INPUT listing each problem. */
export function checkCredentials(username: string, password: string): void {
  new InputCheck().check(USERNAME_RULE.pattern.test(username), 'username', USERNAME_RULE.message).done();
  checkPasswordPolicy(password, username, 'password');
}
