import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Authenticated, Node, NotFoundError, ProgramNotEnabledError, badInput, fromGlobalId } from '@gongzhi/plugin-sdk';
import type { CoreContext } from './core-context';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '按全局ID获取对象；不存在或无权查看时为 NOT_FOUND / Fetch any object by global id; NOT_FOUND when missing or not visible' })
  @Authenticated()
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: CoreContext): Promise<unknown> {
    const parsed = fromGlobalId(id);
    const found = parsed ? await ctx.services.nodes.load(ctx, parsed.typename, parsed.id) : null;
    if (!found) throw new NotFoundError();
    return found;
  }

  @Query(() => [Node], { nullable: 'items', description: '按全局ID批量获取（不可见的为 null）/ Fetch objects by global ids (null where not visible)' })
  @Authenticated()
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: CoreContext): Promise<(unknown | null)[]> {
    if (ids.length > 100) {
      throw badInput('ids', 'at most 100 ids');
    }
    // loaded together (one statement per type); a program that is off is that item's error
    return Promise.all(ids.map((id) => this.node(id, ctx).catch((e) => (e instanceof ProgramNotEnabledError ? e : null))));
  }
}
