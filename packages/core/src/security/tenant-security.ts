import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The policy of a table whose tenant column is `col`. Each scalar subquery is an init plan,
 * evaluated once per statement, not per row. The caller's first district is compared as a
 * scalar before the array (most callers have one): `= any(param)` alone costs ~3x on
 * aggregates over many rows, a scalar equality almost nothing.
 */
export const tenantPolicy = (col: string) =>
  `(select gongzhi_sees_all()) or "${col}" = (select (gongzhi_visible_ids())[1]) or "${col}" = any ((select gongzhi_visible_ids())::uuid[])`;

/**
 * The second wall, applied after every package's migrations (so plugin tables get it
 * too): row-level security on every table with a `district_id` (and `district` itself),
 * and grants for the non-owner role request transactions run as. Idempotent.
 */
export async function applyTenantSecurity(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  const tables = await em.execute<{ table_name: string; col: string }[]>(`
    select c.table_name, c.column_name as col from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and ((c.column_name = 'district_id') or (c.table_name = 'district' and c.column_name = 'id'))`);
  const protectedTables: string[] = [];
  const statements = [
    'grant usage on schema public to gongzhi_app',
    'grant select, insert, update, delete on all tables in schema public to gongzhi_app',
    'grant usage, select on all sequences in schema public to gongzhi_app',
    'revoke update, delete, truncate on audit_log from gongzhi_app',
  ];
  // Book-keeping of the system path: a request must not mark a migration, set-up step or job period as done.
  const system = await em.execute<{ t: string }[]>(`
    select table_name as t from information_schema.tables where table_schema = current_schema()
      and table_type = 'BASE TABLE' and (table_name like 'mikro\\_orm\\_%' or table_name in ('gongzhi_setup', 'job_run'))`);
  for (const { t } of system) statements.push(`revoke all on "${t}" from gongzhi_app`);
  for (const { table_name: t, col } of tables) {
    if (t.startsWith('mikro_orm_')) continue;
    protectedTables.push(t);
    // the audit log is read per district but appended to by anyone: a refused attempt is filed under its target
    const audit = t === 'audit_log';
    statements.push(
      `alter table "${t}" enable row level security`,
      `drop policy if exists tenant_isolation on "${t}"`,
      audit
        ? `create policy tenant_isolation on "${t}" for select to gongzhi_app using (${tenantPolicy(col)})`
        : `create policy tenant_isolation on "${t}" to gongzhi_app using (${tenantPolicy(col)}) with check (${tenantPolicy(col)})`,
      ...(audit ? [`drop policy if exists audit_append on "${t}"`, `create policy audit_append on "${t}" for insert to gongzhi_app with check (true)`] : []),
    );
  }
  // Identity tables without a tenant column. An account is visible with a grant the caller
  // can see (role_grant's own policy applies inside), or with no grant anywhere (to be
  // granted); refresh tokens and login failures belong to the system path alone.
  const account = `(select gongzhi_sees_all()) or exists (select 1 from role_grant g where g.account_id = account.id) or not gongzhi_account_has_grants(account.id)`;
  statements.push(
    'alter table account enable row level security',
    'drop policy if exists tenant_isolation on account',
    `create policy tenant_isolation on account to gongzhi_app using (${account}) with check (${account})`,
    'alter table refresh_token enable row level security',
    'revoke all on refresh_token from gongzhi_app',
    'alter table login_failure enable row level security',
    'revoke all on login_failure from gongzhi_app',
    'grant execute on function gongzhi_account_has_grants(uuid) to gongzhi_app',
  );
  protectedTables.push('account', 'refresh_token', 'login_failure');
  await em.transactional(async (tx) => {
    for (const s of statements) await tx.execute(s);
  });
  return protectedTables.sort();
}
