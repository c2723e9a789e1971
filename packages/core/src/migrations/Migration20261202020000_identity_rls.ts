import { Migration } from '@mikro-orm/migrations';

/**
 * Identity tables behind row-level security too (policies in security/tenant-security.ts).
 * An account with no grant anywhere (just created, not yet granted) is visible to any
 * district that may grant it a role; this answers that without showing other districts' grants.
 */
export class Migration20261202020000_identity_rls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function gongzhi_account_has_grants(account uuid) returns boolean language sql stable security definer
  set search_path = public, pg_temp as $f$
  select exists (select 1 from role_grant where account_id = account)
$f$;
revoke all on function gongzhi_account_has_grants(uuid) from public;
`);
  }
}
