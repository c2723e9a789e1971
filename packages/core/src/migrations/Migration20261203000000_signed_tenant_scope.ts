import { Migration } from '@mikro-orm/migrations';

/**
 * The tenant setting is trusted only when signed. Any role may set `gongzhi.districts` (a
 * custom setting), so SQL run on the request connection could name any district or `*`;
 * the gateway now appends a MAC made with a key only the owner can read
 * (`gongzhi_private.scope_key`), and the policies' functions see a setting whose MAC does not
 * verify as no district at all. `gongzhi_private` also keeps the generated password of the
 * request path's login role (db/request-role.ts). No role but the owner has any right on it.
 */
export class Migration20261203000000_signed_tenant_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create schema gongzhi_private;
revoke all on schema gongzhi_private from public;
create table gongzhi_private.scope_key (
  only_row boolean primary key default true check (only_row),
  key text not null
);
insert into gongzhi_private.scope_key (key) values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
create table gongzhi_private.request_login (role name primary key, password text not null);

-- '<scope>/<mac>' with mac = hex(sha256(key || hex(sha256(key || scope)))); anything else is ''.
create function gongzhi_verified_scope() returns text language sql stable parallel safe security definer
  set search_path = pg_catalog, pg_temp as $f$
  select coalesce((
    select s.scope from gongzhi_private.scope_key k,
      lateral (select v, split_part(v, '/', 1) as scope, split_part(v, '/', 2) as mac
               from coalesce(current_setting('gongzhi.districts', true), '') as v) s
    where s.v = s.scope || '/' || s.mac
      and s.mac = encode(sha256(convert_to(k.key || encode(sha256(convert_to(k.key || s.scope, 'UTF8')), 'hex'), 'UTF8')), 'hex')
  ), '')
$f$;

create or replace function gongzhi_sees_all() returns boolean language sql stable parallel safe as $f$
  select gongzhi_verified_scope() = '*'
$f$;
create or replace function gongzhi_visible_ids() returns uuid[] language sql stable parallel safe as $f$
  select case when s in ('', '*') then '{}'::uuid[] else string_to_array(s, ',')::uuid[] end
  from gongzhi_verified_scope() as s
$f$;
create or replace function gongzhi_visible(d uuid) returns boolean language sql stable as $f$
  select gongzhi_sees_all() or d = any (gongzhi_visible_ids())
$f$;
`);
  }
}
