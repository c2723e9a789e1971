import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/** Advisory lock key of one-time set-up (migrations, security, seeds); advisory locks are per database. */
const SETUP_LOCK_KEY = 7_042_100;

/**
 * Runs `fn` while holding the database's set-up lock, so gateways starting together take turns:
 * the first applies, the others find it applied. The lock lives on its own connection (not
 * the pool: a pool of one would deadlock) and is released if this process dies.
 */
export async function withSetupLock<T>(orm: MikroORM, fn: () => Promise<T>, waitMs = 120_000): Promise<T> {
  const client = new Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query(`set lock_timeout = ${Math.floor(waitMs)}`);
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    // Before any step reads the schema's shape, so the shape includes it every time.
    await client.query(`create table if not exists gongzhi_setup (
      step text primary key, fingerprint text not null, applied_at timestamptz not null default now())`);
    return await fn();
  } finally {
    await client.end(); // ends the session: releases the lock
  }
}

/**
 * Runs a set-up step unless it already ran with the same fingerprint (the step's inputs).
 * Call under `withSetupLock`. Returns whether it ran.
 */
export async function runStepOnce(orm: MikroORM, step: string, inputs: unknown, fn: () => Promise<unknown>): Promise<boolean> {
  const fingerprint = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  const em = orm.em.fork();
  const [row] = await em.execute<{ fingerprint: string }[]>('select fingerprint from gongzhi_setup where step = ?', [step]);
  if (row?.fingerprint === fingerprint) return false;
  await fn();
  await em.execute(
    `insert into gongzhi_setup (step, fingerprint) values (?, ?)
     on conflict (step) do update set fingerprint = excluded.fingerprint, applied_at = now()`, [step, fingerprint]);
  return true;
}

/** Every table and column of the current schema: what a set-up over "all tables" depends on. */
export async function schemaShape(orm: MikroORM): Promise<string[]> {
  const rows = await orm.em.fork().execute<{ c: string }[]>(`
    select c.table_name || '.' || c.column_name as c from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by 1`);
  return rows.map((r) => r.c);
}
