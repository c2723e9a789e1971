import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { NotFoundError, Requires } from '@gongzhi/plugin-sdk';
import { treeFilter } from '../services/tree.service';
import { DashboardNodeRef, DashboardSnapshot } from '../dashboard/dashboard.type';
import { dashboardNodes } from '../dashboard/dashboard-nodes.service';
import { P } from '../identity/core-permissions';
import { em } from './load';
import type { DashboardNode } from '../dashboard/dashboard.service';
import type { CoreContext } from './core-context';

/**
 * The dashboard node of a District, Street or Community id (grids have no dashboard), read in
 * the subscriber's tenant transaction: row-level security alone refuses another district's node.
 */
async function dashboardNode(ctx: CoreContext, globalId: string): Promise<DashboardNode | null> {
  const { level, id } = treeFilter(globalId, 'node');
  if (level === 'district') {
    const d = await ctx.core.district(id);
    return d && { level, id, name: d.name, scope: { districtId: d.id } };
  }
  if (level === 'street') {
    const s = await ctx.core.street(id);
    return s && { level, id, name: s.name, scope: { districtId: s.districtId, streetId: s.id } };
  }
  if (level === 'community') {
    const c = await ctx.core.community(id);
    return c && { level, id, name: c.name, scope: { districtId: c.districtId, streetId: c.streetId, communityId: c.id } };
  }
  return null;
}

@Resolver()
export class DashboardResolver {
  @Query(() => [DashboardNodeRef], {
    description: '可打开看板的区、街道、社区（看板页的选择器）/ Districts, streets and communities whose dashboard the caller may open',
  })
  @Requires(P['events:read'])
  dashboardNodes(@Ctx() ctx: CoreContext): Promise<DashboardNodeRef[]> {
    return dashboardNodes(em(ctx), ctx.auth.scopeFilter(P['events:read']));
  }

  @Requires(P['events:read'])
  @Subscription(() => DashboardSnapshot, {
    description: '实时看板：当前快照，之后每次变化（同一节点的订阅者共享一次计算）/ Live figures of a node: the current snapshot, then one after changes (computed once per node, shared)',
    subscribe: async ({ args, context }) => {
      const ctx = context as CoreContext;
      const node = await dashboardNode(ctx, args.node);
      if (!node) throw new NotFoundError('Node');
      await ctx.auth.require('core:events:read', node.scope);
      return ctx.services.dashboards!.subscribe(node);
    },
  })
  dashboard(
    @Root() snapshot: DashboardSnapshot,
    @Arg('node', () => ID, { description: '区/街道/社区 / District, street or community' }) _node: string,
  ): DashboardSnapshot {
    return snapshot;
  }
}
