import { Migration } from '@mikro-orm/migrations';

/**
 * Failed logins per account and client address (identity/login-lockout.ts) instead of per
 * account: a guesser no longer locks the owner out. The account's own counters go.
 */
export class Migration20261203010000_login_failure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table login_failure (
  account_id uuid not null references account (id) on delete cascade,
  address text not null,
  failures integer not null check (failures > 0),
  locked_until timestamptz,
  last_failure_at timestamptz not null,
  primary key (account_id, address)
);
alter table account drop column failed_logins, drop column locked_until;
`);
  }
}
