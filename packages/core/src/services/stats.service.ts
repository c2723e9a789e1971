import type { EntityManager } from '@mikro-orm/postgresql';
import { CARE_TAG_LABELS, type CareTag } from '@gongzhi/plugin-sdk';
import type { LoaderRegistry } from './loaders';
import type { TreeLevel } from './tree.service';

const COLUMN: Record<TreeLevel, string> = { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id' };

export interface CareTagCount { tag: CareTag; count: number }

const CARE_TAG_ORDER = Object.keys(CARE_TAG_LABELS) as CareTag[];

/**
 * Counts at any level of the tree, computed in SQL with GROUP BY and batched per
 * level, so a list of 100 communities with their counts costs one query per figure.
 */
export class StatsService {
  constructor(private readonly em: EntityManager, private readonly loaders: LoaderRegistry) {}

  residentCount(level: TreeLevel, id: string): Promise<number> {
    return this.grouped(`residents:${level}`, `select ${COLUMN[level]} as k, count(*)::int as n from resident where ${COLUMN[level]} in (?) group by 1`, id, 0);
  }

  households(level: TreeLevel, id: string): Promise<number> {
    if (level === 'grid') return this.grouped('households:grid', `select id as k, households as n from grid where id in (?)`, id, 0);
    return this.grouped(`households:${level}`, `select ${COLUMN[level]} as k, sum(households)::int as n from grid where ${COLUMN[level]} in (?) group by 1`, id, 0);
  }

  communityCount(level: TreeLevel, id: string): Promise<number> {
    if (level === 'community' || level === 'grid') return Promise.resolve(1);
    return this.grouped(`communities:${level}`, `select ${COLUMN[level]} as k, count(*)::int as n from community where ${COLUMN[level]} in (?) group by 1`, id, 0);
  }

  gridCount(level: TreeLevel, id: string): Promise<number> {
    if (level === 'grid') return Promise.resolve(1);
    return this.grouped(`grids:${level}`, `select ${COLUMN[level]} as k, count(*)::int as n from grid where ${COLUMN[level]} in (?) group by 1`, id, 0);
  }

  careTagCounts(level: TreeLevel, id: string): Promise<CareTagCount[]> {
    const col = COLUMN[level];
    return this.loaders
      .get<string, CareTagCount[]>(`careTags:${level}`, async (ids) => {
        const rows = await this.em.execute<{ k: string; tag: CareTag; n: number }[]>(
          `select ${col} as k, t as tag, count(*)::int as n from resident, unnest(care_tags) as t
           where ${col} in (?) group by 1, 2 order by 1, 2`, [[...ids]]);
        const by = new Map<string, CareTagCount[]>();
        for (const r of rows) {
          if (!by.has(r.k)) by.set(r.k, []);
          by.get(r.k)!.push({ tag: r.tag, count: r.n });
        }
        const rank = (t: CareTag) => CARE_TAG_ORDER.indexOf(t); // the enum's order (60+, 80+, living alone, …), not alphabetical codes
        return ids.map((i) => (by.get(i) ?? []).sort((a, b) => rank(a.tag) - rank(b.tag)));
      })
      .load(id);
  }

  private grouped(key: string, sql: string, id: string, empty: number): Promise<number> {
    return this.loaders
      .get<string, number>(`stats:${key}`, async (ids) => {
        const rows = await this.em.execute<{ k: string; n: number }[]>(sql, [[...ids]]);
        const by = new Map(rows.map((r) => [r.k, Number(r.n)]));
        return ids.map((i) => by.get(i) ?? empty);
      })
      .load(id);
  }
}
