import { Migration } from '@mikro-orm/migrations';

/**
 * Tree figures without recounting: `tree_rollup` holds, per node of the tree (district,
 * street, community, grid) and figure, 16 counter slots whose sum is the figure. Statement
 * triggers on resident/grid/community add each statement's net change in the same
 * transaction (moves and tag changes are an old row out and a new row in). Each writing
 * transaction owns one slot for its duration (a transaction-level advisory lock), so
 * concurrent writers to one community never wait on one another's counter rows (nor
 * deadlock on them) unless more than 16 write at once. Figures: residents, tag:<CARE_TAG>,
 * households, grids, communities.
 */
export class Migration20261202030500_tree_rollup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create index resident_grid_district_idx on resident (grid_id, district_id);
create table tree_rollup (
  node_id uuid not null,
  figure text not null,
  slot smallint not null,
  district_id uuid not null,
  n bigint not null,
  primary key (node_id, figure, slot)
);

-- This transaction's slot: the one it already owns, else a free one (else wait for one).
create function gongzhi_rollup_slot() returns smallint language plpgsql volatile as $f$
declare
  s int := nullif(current_setting('gongzhi.rollup_slot', true), '')::int;
  start int := (txid_current() % 16)::int;
begin
  if s is not null then return s; end if;
  for i in 0..15 loop
    s := (start + i) % 16;
    exit when pg_try_advisory_xact_lock(7042002, s);
    s := null;
  end loop;
  if s is null then
    s := start;
    perform pg_advisory_xact_lock(7042002, s);
  end if;
  perform set_config('gongzhi.rollup_slot', s::text, true);
  return s;
end $f$;

-- The rows a statement changed as (columns…, +1) for new and (columns…, -1) for old ones.
create function gongzhi_rollup_source(op text, cols text) returns text language sql immutable as $f$
  select case op
    when 'INSERT' then format('select %s, 1 from new_rows', cols)
    when 'DELETE' then format('select %s, -1 from old_rows', cols)
    else format('select %1$s, 1 from new_rows union all select %1$s, -1 from old_rows', cols) end
$f$;

-- Adds (node_id, figure, district_id, v) rows, summed per node and figure, to slot $1.
create function gongzhi_rollup_upsert(deltas text) returns text language sql immutable as $f$
  select format($q$
    insert into tree_rollup as r (node_id, figure, slot, district_id, n)
    select d.node_id, d.figure, $1::smallint, d.district_id, sum(d.v)
    from (%s) d(node_id, figure, district_id, v)
    where d.node_id is not null
    group by d.node_id, d.figure, d.district_id having sum(d.v) <> 0
    order by 1, 2
    on conflict (node_id, figure, slot) do update set n = r.n + excluded.n$q$, deltas)
$f$;

create function gongzhi_rollup_resident_sql(source text) returns text language sql immutable as $f$
  select gongzhi_rollup_upsert(format($q$
    select nd.node_id, f.figure, x.district_id, x.d
    from (%s) x(district_id, street_id, community_id, grid_id, care_tags, d)
    cross join lateral unnest(array[x.district_id, x.street_id, x.community_id, x.grid_id]) nd(node_id)
    cross join lateral (select 'residents' union all select 'tag:' || t from unnest(x.care_tags) t) f(figure)$q$, source))
$f$;

create function gongzhi_rollup_grid_sql(source text) returns text language sql immutable as $f$
  select gongzhi_rollup_upsert(format($q$
    select nd.node_id, f.figure, x.district_id, f.v
    from (%s) x(district_id, street_id, community_id, grid_id, households, d)
    cross join lateral unnest(array[x.district_id, x.street_id, x.community_id, x.grid_id]) nd(node_id)
    cross join lateral (select 'households', x.d * x.households
                        union all select 'grids', x.d where nd.node_id <> x.grid_id) f(figure, v)$q$, source))
$f$;

create function gongzhi_rollup_community_sql(source text) returns text language sql immutable as $f$
  select gongzhi_rollup_upsert(format($q$
    select nd.node_id, 'communities', x.district_id, x.d
    from (%s) x(district_id, street_id, d)
    cross join lateral unnest(array[x.district_id, x.street_id]) nd(node_id)$q$, source))
$f$;

-- Transition tables are visible to EXECUTE in the trigger function itself (not in functions it calls).
create function gongzhi_rollup_resident() returns trigger language plpgsql as $f$
begin
  execute gongzhi_rollup_resident_sql(gongzhi_rollup_source(tg_op, 'district_id, street_id, community_id, grid_id, care_tags')) using gongzhi_rollup_slot();
  return null;
end $f$;
create function gongzhi_rollup_grid() returns trigger language plpgsql as $f$
begin
  execute gongzhi_rollup_grid_sql(gongzhi_rollup_source(tg_op, 'district_id, street_id, community_id, id, households')) using gongzhi_rollup_slot();
  return null;
end $f$;
create function gongzhi_rollup_community() returns trigger language plpgsql as $f$
begin
  execute gongzhi_rollup_community_sql(gongzhi_rollup_source(tg_op, 'district_id, street_id')) using gongzhi_rollup_slot();
  return null;
end $f$;
-- A node that is gone has no figures.
create function gongzhi_rollup_forget() returns trigger language plpgsql as $f$
begin
  delete from tree_rollup where node_id in (select id from old_rows);
  return null;
end $f$;

create trigger rollup_ins after insert on resident referencing new table as new_rows for each statement execute function gongzhi_rollup_resident();
create trigger rollup_upd after update on resident referencing old table as old_rows new table as new_rows for each statement execute function gongzhi_rollup_resident();
create trigger rollup_del after delete on resident referencing old table as old_rows for each statement execute function gongzhi_rollup_resident();
create trigger rollup_ins after insert on grid referencing new table as new_rows for each statement execute function gongzhi_rollup_grid();
create trigger rollup_upd after update on grid referencing old table as old_rows new table as new_rows for each statement execute function gongzhi_rollup_grid();
create trigger rollup_del after delete on grid referencing old table as old_rows for each statement execute function gongzhi_rollup_grid();
create trigger rollup_ins after insert on community referencing new table as new_rows for each statement execute function gongzhi_rollup_community();
create trigger rollup_upd after update on community referencing old table as old_rows new table as new_rows for each statement execute function gongzhi_rollup_community();
create trigger rollup_del after delete on community referencing old table as old_rows for each statement execute function gongzhi_rollup_community();
create trigger rollup_forget after delete on district referencing old table as old_rows for each statement execute function gongzhi_rollup_forget();
create trigger rollup_forget after delete on street referencing old table as old_rows for each statement execute function gongzhi_rollup_forget();
create trigger rollup_forget_node after delete on community referencing old table as old_rows for each statement execute function gongzhi_rollup_forget();
create trigger rollup_forget_node after delete on grid referencing old table as old_rows for each statement execute function gongzhi_rollup_forget();

-- What exists already.
do $d$ begin
  execute gongzhi_rollup_resident_sql('select district_id, street_id, community_id, grid_id, care_tags, 1 from resident') using 0;
  execute gongzhi_rollup_grid_sql('select district_id, street_id, community_id, id, households, 1 from grid') using 0;
  execute gongzhi_rollup_community_sql('select district_id, street_id, 1 from community') using 0;
end $d$;
`);
  }
}
