import type { EntityManager } from '@mikro-orm/postgresql';
import type { TenantScope } from './tenant-scope';

/**
 * Starts the request's transaction as the non-owner app role with the caller's districts
 * as a transaction-local, signed setting: both end with the transaction, so nothing leaks to
 * the next user of a pooled connection. Row-level security then sees only those districts.
 */
export async function beginTenantTransaction(em: EntityManager, scope: TenantScope, districts: '*' | string[], rlsOff = false): Promise<void> {
  await em.begin();
  if (rlsOff) return; // benchmarks only (GONGZHI_UNSAFE_RLS_OFF)
  await em.execute(`set local role gongzhi_app`);
  await em.execute(`select set_config('gongzhi.districts', ?, true)`, [scope.setting(districts)]);
}

export async function endTenantTransaction(em: EntityManager, ok: boolean): Promise<void> {
  if (!em.isInTransaction()) return;
  if (ok) await em.commit();
  else await em.rollback();
}
