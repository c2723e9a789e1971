import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Failed passwords are counted per account *and client address*: a guesser locks out only
 * its own address for that account, never the account's owner elsewhere, and a lock is not
 * a state of the account, so it ends no session (disabling the account does that).
 */
export class LoginLockout {
  constructor(private readonly limits: { maxFailures: number; lockoutMinutes: number }) {}

  async isLocked(em: EntityManager, accountId: string, address: string): Promise<boolean> {
    const rows = await em.execute<{ locked: boolean }[]>(
      `select locked_until > now() as locked from login_failure where account_id = ? and address = ?`, [accountId, address]);
    return rows[0]?.locked === true;
  }

  /** Counted in SQL, so concurrent failures all count; true when this failure locks the pair. */
  async recordFailure(em: EntityManager, accountId: string, address: string): Promise<boolean> {
    const { maxFailures, lockoutMinutes } = this.limits;
    const [row] = await em.execute<{ failures: number }[]>(
      `insert into login_failure (account_id, address, failures, locked_until, last_failure_at)
         values (?, ?, 1, case when 1 >= ? then now() + (? * interval '1 minute') end, now())
       on conflict (account_id, address) do update set
         -- an expired lock starts a fresh count
         failures = case when login_failure.locked_until <= now() then 1 else login_failure.failures + 1 end,
         locked_until = case
           when login_failure.locked_until <= now() then case when 1 >= ? then now() + (? * interval '1 minute') end
           when login_failure.failures + 1 >= ? then now() + (? * interval '1 minute')
           else login_failure.locked_until end,
         last_failure_at = now()
       returning failures`,
      [accountId, address, maxFailures, lockoutMinutes, maxFailures, lockoutMinutes, maxFailures, lockoutMinutes]);
    return row.failures >= maxFailures;
  }

  async clear(em: EntityManager, accountId: string, address: string): Promise<void> {
    await em.execute(`delete from login_failure where account_id = ? and address = ?`, [accountId, address]);
  }
}
