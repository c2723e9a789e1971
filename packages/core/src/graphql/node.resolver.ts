import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node, badInput, fromGlobalId } from '@gongzhi/plugin-sdk';
import type { CoreContext } from './core-context';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '按全局ID获取对象 / Fetch any object by global id' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: CoreContext): Promise<unknown | null> {
    const parsed = fromGlobalId(id);
    return parsed ? ctx.services.nodes.load(ctx, parsed.typename, parsed.id) : null;
  }

  @Query(() => [Node], { nullable: 'items', description: '按全局ID批量获取 / Fetch objects by global ids' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: CoreContext): Promise<(unknown | null)[]> {
    if (ids.length > 100) {
      throw badInput('ids', 'at most 100 ids');
    }
    return Promise.all(ids.map((id) => this.node(id, ctx)));
  }
}
