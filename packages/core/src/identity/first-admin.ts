import type { MikroORM } from '@mikro-orm/postgresql';
import { AccountEntity, RoleGrantEntity } from '../entities';
import type { AuditWriter } from '../security/audit';
import { checkCredentials, hashPassword } from './passwords';
import { CoreRole } from './roles';

/** Who asked for the first admin: `pnpm admin:create`, or GONGZHI_INITIAL_ADMIN_* at start. */
export type FirstAdminSource = 'cli' | 'environment';

export interface FirstAdminInput {
  username: string;
  password: string;
  displayName?: string;
}

export type FirstAdminResult =
  | { created: true; accountId: string }
  | { created: false; reason: 'admin-exists' | 'username-taken'; message: string };

/**
 * The bootstrap of a fresh production database, where nobody can log in: creates a platform
 * admin unless an enabled one exists (then it does nothing). Account and grant are one
 * transaction; call under the set-up lock so two starts cannot both create one. Audited.
 */
export async function createFirstAdmin(orm: MikroORM, audit: AuditWriter, input: FirstAdminInput, source: FirstAdminSource): Promise<FirstAdminResult> {
  checkCredentials(input.username, input.password);
  const actor = source === 'cli' ? 'pnpm admin:create' : 'GONGZHI_INITIAL_ADMIN_USERNAME';
  const result = await orm.em.fork().transactional(async (tx): Promise<FirstAdminResult> => {
    const [{ n }] = await tx.execute<{ n: number }[]>(
      `select count(*)::int as n from role_grant g join account a on a.id = g.account_id
       where g.role = ? and g.revoked_at is null and not a.disabled`, [CoreRole.PLATFORM_ADMIN]);
    if (n > 0) return { created: false, reason: 'admin-exists', message: 'a platform admin already exists' };
    if (await tx.findOne(AccountEntity, { username: input.username })) {
      return { created: false, reason: 'username-taken', message: `username "${input.username}" is taken by an account that is not a platform admin` };
    }
    const account = tx.create(AccountEntity, {
      username: input.username, displayName: input.displayName?.trim() || '平台管理员', passwordHash: await hashPassword(input.password),
    });
    tx.create(RoleGrantEntity, { accountId: account.id, role: CoreRole.PLATFORM_ADMIN, scopeLevel: 'PLATFORM' });
    return { created: true, accountId: account.id };
  });
  if (result.created) {
    await audit.write({ accountId: result.accountId, actor, action: 'account.bootstrap', objectType: 'Account', objectId: result.accountId, outcome: 'SUCCESS', detail: { role: CoreRole.PLATFORM_ADMIN, source } });
  } else if (source === 'cli' || result.reason !== 'admin-exists') {
    // An initial admin in the environment is ignored silently once an admin exists (every later start).
    await audit.write({ accountId: null, actor, action: 'account.bootstrap', outcome: 'DENIED', detail: { reason: result.reason, source } });
  }
  return result;
}
