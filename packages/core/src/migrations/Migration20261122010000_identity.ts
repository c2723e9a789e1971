import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts, role grants at tree nodes, rotating refresh tokens, the append-only audit
 * log, encrypted identity numbers, and the non-owner role request transactions run as.
 */
export class Migration20261122010000_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'gongzhi_app') then
    begin
      create role gongzhi_app nologin nosuperuser nobypassrls;
    exception when duplicate_object or unique_violation then null; -- created concurrently by another database's migration
    end;
  end if;
  if not pg_has_role(current_user, 'gongzhi_app', 'member') then
    begin
      execute format('grant gongzhi_app to %I', current_user);
    exception when others then null;
    end;
  end if;
end $$;

create table account (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  password_hash text,
  external_subject text unique,
  resident_id uuid references resident(id) deferrable initially deferred,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);
create table role_grant (
  id uuid primary key,
  account_id uuid not null references account(id) deferrable initially deferred,
  role text not null,
  scope_level text not null check (scope_level in ('PLATFORM','DISTRICT','STREET','COMMUNITY','GRID','ORGANIZATION')),
  district_id uuid references district(id) deferrable initially deferred,
  scope_id uuid,
  granted_by uuid,
  granted_at timestamptz not null default now(),
  revoked_by uuid,
  revoked_at timestamptz,
  check ((scope_level = 'PLATFORM') = (district_id is null))
);
create index role_grant_account_idx on role_grant (account_id) where revoked_at is null;
create table refresh_token (
  id uuid primary key,
  account_id uuid not null references account(id) deferrable initially deferred,
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  revoked_at timestamptz
);
create index refresh_token_family_idx on refresh_token (family_id);
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  account_id uuid,
  actor text,
  action text not null,
  object_type text,
  object_id text,
  district_id uuid,
  outcome text not null check (outcome in ('SUCCESS','FAILURE','DENIED')),
  detail jsonb,
  request_id text
);
create index audit_log_district_idx on audit_log (district_id, id desc);
create function audit_log_is_append_only() returns trigger language plpgsql as $f$
begin raise exception 'audit_log is append-only'; end $f$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

-- identity numbers and phones: encrypted at rest, keyed hash for exact lookup
drop index resident_id_number_uq;
alter table resident add column id_number_hash text, add column phone_hash text;
create unique index resident_id_number_uq on resident (district_id, id_number_hash) where id_number_hash is not null;
create index resident_phone_hash_idx on resident (phone_hash) where phone_hash is not null;

-- tenant visibility of the current transaction: '*' or a comma list of district ids
create function gongzhi_visible(d uuid) returns boolean language sql stable as $f$
  select coalesce(current_setting('gongzhi.districts', true), '') = '*'
      or d::text = any(string_to_array(coalesce(current_setting('gongzhi.districts', true), ''), ','))
$f$;
`);
  }
}
