import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AsParent, Community, Connection, District, MaxItems, PageArgs, Requires, Street, pagesByParent } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { CommunityEntity, DistrictEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { CreateStreetInput, UpdateStreetInput } from './territory.input';
import { statsOf, TreeStats } from './stats.type';
import { em, load, mustLoadAt, parentAt } from './load';
import type { CoreContext } from './core-context';

const CommunityConnection = Connection(Community, 'Community');
const tree = new TreeService();

@Resolver(() => Street)
export class StreetResolver {
  @FieldResolver(() => District)
  @AsParent()
  district(@Root() s: StreetEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, s.districtId);
  }

  @FieldResolver(() => CommunityConnection, { description: '社区/村 / Communities and villages' })
  @Requires(P['tree:read'])
  @MaxItems({ tree: 'community' })
  communities(@Root() s: StreetEntity, @Args() page: PageArgs, @Ctx() ctx: CoreContext) {
    return ctx.loaders
      .get<string, unknown>(`Street.communities:${page.first}:${page.after}`, async (ids) => {
        const pages = await pagesByParent(em(ctx), CommunityEntity, 'streetId', ids, { ...page, sortBy: 'name' });
        return ids.map((id) => pages.get(id)!);
      })
      .load(s.id);
  }

  @FieldResolver(() => TreeStats)
  @Requires(P['tree:read'])
  stats(@Root() s: StreetEntity) {
    return statsOf('street', s.id);
  }

  @Mutation(() => Street, { description: '新建街道/乡镇 / Create a street or town' })
  @Requires(P['tree:write'])
  async createStreet(@Arg('input') input: CreateStreetInput, @Ctx() ctx: CoreContext) {
    await parentAt(ctx, P['tree:write'], DistrictEntity, 'District', input.districtId, 'input.districtId');
    return tree.createStreet(em(ctx), input);
  }

  @Mutation(() => Street)
  @Requires(P['tree:write'])
  async updateStreet(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStreetInput, @Ctx() ctx: CoreContext) {
    return tree.updateStreet(em(ctx), await mustLoadAt(ctx, P['tree:write'], StreetEntity, 'Street', id), input);
  }
}
