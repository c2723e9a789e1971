import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security that reads the tenant setting once per statement: the policies
 * (see security/tenant-security.ts) call these through scalar subqueries, which the
 * planner runs once as init plans instead of once per row. Plus the index the policy's
 * `district_id = any(…)` meets on the heaviest per-community aggregates.
 */
export class Migration20261202010000_rls_once_per_statement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function gongzhi_sees_all() returns boolean language sql stable parallel safe as $f$
  select coalesce(current_setting('gongzhi.districts', true), '') = '*'
$f$;
create function gongzhi_visible_ids() returns uuid[] language sql stable parallel safe as $f$
  select case when s in ('', '*') then '{}'::uuid[] else string_to_array(s, ',')::uuid[] end
  from coalesce(current_setting('gongzhi.districts', true), '') as s
$f$;
create index resident_community_district_idx on resident (community_id, district_id);
create index resident_street_district_idx on resident (street_id, district_id);
`);
  }
}
