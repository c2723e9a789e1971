import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Community, Connection, District, PageArgs, Street, pagesByParent } from '@gongzhi/plugin-sdk';
import { CommunityEntity, DistrictEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { CreateStreetInput, UpdateStreetInput } from './territory.input';
import { statsOf, TreeStats } from './stats.type';
import { em, load, mustLoad } from './load';
import type { CoreContext } from './core-context';

const CommunityConnection = Connection(Community, 'Community');
const tree = new TreeService();

@Resolver(() => Street)
export class StreetResolver {
  @FieldResolver(() => District)
  district(@Root() s: StreetEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, s.districtId);
  }

  @FieldResolver(() => CommunityConnection, { description: '社区/村 / Communities and villages' })
  communities(@Root() s: StreetEntity, @Args() page: PageArgs, @Ctx() ctx: CoreContext) {
    return ctx.loaders
      .get<string, unknown>(`Street.communities:${page.first}:${page.after}`, async (ids) => {
        const pages = await pagesByParent(em(ctx), CommunityEntity, 'streetId', ids, { ...page, sortBy: 'name' });
        return ids.map((id) => pages.get(id)!);
      })
      .load(s.id);
  }

  @FieldResolver(() => TreeStats)
  stats(@Root() s: StreetEntity) {
    return statsOf('street', s.id);
  }

  @Mutation(() => Street, { description: '新建街道/乡镇 / Create a street or town' })
  createStreet(@Arg('input') input: CreateStreetInput, @Ctx() ctx: CoreContext) {
    return tree.createStreet(em(ctx), input);
  }

  @Mutation(() => Street)
  async updateStreet(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStreetInput, @Ctx() ctx: CoreContext) {
    return tree.updateStreet(em(ctx), await mustLoad(ctx, StreetEntity, 'Street', id), input);
  }
}
