import type { MikroORM } from '@mikro-orm/postgresql';
import type { TreeLevelName } from '@gongzhi/plugin-sdk';
import { sqlCounter } from '../db/orm';
import { beginTenantTransaction } from './tenant-transaction';
import type { TenantScope } from './tenant-scope';

type Level = TreeLevelName;
const LEVELS: Level[] = ['district', 'street', 'community', 'grid'];
const PLURAL: Record<Level, string> = { district: 'districts', street: 'streets', community: 'communities', grid: 'grids' };

/** How many tree nodes exist in one caller's districts: in all of them, and at most below one node of each level. */
export class ScopeSizes {
  constructor(private readonly sizes: Record<string, number>) {}

  /** At most how many `level` nodes lie below one `parent` node (`scope`: in all the caller's districts). */
  under(parent: Level | 'scope', level: Level): number {
    if (parent === 'scope') return this.sizes[PLURAL[level]] ?? 0;
    if (LEVELS.indexOf(parent) >= LEVELS.indexOf(level)) return 1;
    return this.sizes[`${PLURAL[level]}_per_${parent}`] ?? 0;
  }
}

// One statement over the tree tables (hundreds to thousands of rows), scoped by row-level security.
const SIZES_SQL = `
with s as (select district_id, count(*) n from street group by 1),
     c as (select district_id, street_id, count(*) n from community group by 1, 2),
     g as (select district_id, street_id, community_id, count(*) n from grid group by 1, 2, 3)
select (select count(*) from district)::int as districts,
       (select coalesce(sum(n), 0) from s)::int as streets,
       (select coalesce(sum(n), 0) from c)::int as communities,
       (select coalesce(sum(n), 0) from g)::int as grids,
       (select coalesce(max(n), 0) from s)::int as streets_per_district,
       (select coalesce(max(t), 0) from (select sum(n) t from c group by district_id) x)::int as communities_per_district,
       (select coalesce(max(n), 0) from c)::int as communities_per_street,
       (select coalesce(max(t), 0) from (select sum(n) t from g group by district_id) x)::int as grids_per_district,
       (select coalesce(max(t), 0) from (select sum(n) t from g group by street_id) x)::int as grids_per_street,
       (select coalesce(max(n), 0) from g)::int as grids_per_community`;

/**
 * Tree sizes per set of districts, read in that caller's tenant transaction (so row-level
 * security decides what exists for them) and kept `ttlMs`: the tree changes by an admin's
 * hand, rarely, and a size at most that old is close enough for a cost estimate. Read only
 * when an operation's cost without them exceeds the limit; not counted as the request's SQL.
 */
export class TreeSizes {
  private readonly cache = new Map<string, { at: number; sizes: Promise<ScopeSizes> }>();

  /** `orm`: the request role's; `scope` signs the tenant setting. */
  constructor(private readonly orm: () => MikroORM, private readonly scope: () => TenantScope, private readonly ttlMs = 10_000, private readonly max = 1000) {}

  forScope(districts: '*' | string[]): Promise<ScopeSizes> {
    const key = districts === '*' ? '*' : [...districts].sort().join(',');
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.sizes;
    const sizes = sqlCounter.exit(() => this.read(districts));
    if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: Date.now(), sizes });
    sizes.catch(() => this.cache.delete(key));
    return sizes;
  }

  private async read(districts: '*' | string[]): Promise<ScopeSizes> {
    const em = this.orm().em.fork();
    await beginTenantTransaction(em as never, this.scope(), districts);
    try {
      const [row] = await em.execute<Record<string, number>[]>(SIZES_SQL);
      return new ScopeSizes(row);
    } finally {
      await em.rollback();
    }
  }
}
