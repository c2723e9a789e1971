import type { EntityManager } from '@mikro-orm/postgresql';
import { CARE_TAG_LABELS, type CareTag } from '@gongzhi/plugin-sdk';
import type { LoaderRegistry } from './loaders';
import type { TreeLevel } from './tree.service';

export interface CareTagCount { tag: CareTag; count: number }

const CARE_TAG_ORDER = Object.keys(CARE_TAG_LABELS) as CareTag[];
const TAG = 'tag:';

/**
 * Figures at any level of the tree, read from `tree_rollup` (kept by triggers in the writing
 * transaction; see the tree_rollup migration): one statement per batch of nodes for every
 * figure of those nodes, costing the number of nodes, not of residents.
 */
export class StatsService {
  constructor(private readonly em: EntityManager, private readonly loaders: LoaderRegistry) {}

  residentCount(_level: TreeLevel, id: string): Promise<number> {
    return this.figure(id, 'residents');
  }

  households(_level: TreeLevel, id: string): Promise<number> {
    return this.figure(id, 'households');
  }

  communityCount(level: TreeLevel, id: string): Promise<number> {
    if (level === 'community' || level === 'grid') return Promise.resolve(1);
    return this.figure(id, 'communities');
  }

  gridCount(level: TreeLevel, id: string): Promise<number> {
    if (level === 'grid') return Promise.resolve(1);
    return this.figure(id, 'grids');
  }

  /** Tags with at least one resident, in the enum's order (60+, 80+, living alone, …). */
  async careTagCounts(_level: TreeLevel, id: string): Promise<CareTagCount[]> {
    const figures = await this.figures(id);
    return CARE_TAG_ORDER.flatMap((tag) => {
      const count = figures.get(TAG + tag) ?? 0;
      return count > 0 ? [{ tag, count }] : [];
    });
  }

  private async figure(id: string, name: string): Promise<number> {
    return (await this.figures(id)).get(name) ?? 0;
  }

  /** All figures of a node (its slots summed), batched over the nodes asked for in one tick. */
  private figures(id: string): Promise<Map<string, number>> {
    return this.loaders
      .get<string, Map<string, number>>('stats:rollup', async (ids) => {
        const rows = await this.em.execute<{ k: string; figure: string; n: number }[]>(
          `select node_id as k, figure, sum(n)::int as n from tree_rollup where node_id in (?) group by 1, 2`, [[...ids]]);
        const by = new Map<string, Map<string, number>>(ids.map((i) => [i, new Map()]));
        for (const r of rows) by.get(r.k)?.set(r.figure, Number(r.n));
        return ids.map((i) => by.get(i)!);
      })
      .load(id);
  }
}
