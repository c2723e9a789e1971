import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, District, MaxItems, PageArgs, Requires, Street, keysetPage, pagesByParent, scopeWhere } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { DistrictEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { DistrictFilter, NameOrder, likePattern, sortProp } from './filters.input';
import { CreateDistrictInput, UpdateDistrictInput } from './territory.input';
import { statsOf, TreeStats } from './stats.type';
import { em, mustLoadAt } from './load';
import type { CoreContext } from './core-context';

const DistrictConnection = Connection(District, 'District');
const StreetConnection = Connection(Street, 'Street');
const tree = new TreeService();

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => DistrictConnection, { description: '区/县列表 / Districts' })
  @Requires(P['tree:read'])
  @MaxItems({ tree: 'district' })
  districts(@Args() page: PageArgs, @Ctx() ctx: CoreContext,
    @Arg('filter', () => DistrictFilter, { nullable: true }) filter?: DistrictFilter,
    @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    const where: Record<string, unknown> = { ...scopeWhere(ctx.auth.scopeFilter(P['tree:read']), { district: 'id' }) };
    if (filter?.nameContains) where.name = { $ilike: likePattern(filter.nameContains) };
    return keysetPage(em(ctx), DistrictEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => StreetConnection, { description: '街道/乡镇 / Streets and towns' })
  @Requires(P['tree:read'])
  @MaxItems({ tree: 'street' })
  async streets(@Root() d: DistrictEntity, @Args() page: PageArgs, @Ctx() ctx: CoreContext) {
    const loader = ctx.loaders.get<string, unknown>(`District.streets:${page.first}:${page.after}`, async (ids) => {
      const pages = await pagesByParent(em(ctx), StreetEntity, 'districtId', ids, { ...page, sortBy: 'name' });
      return ids.map((id) => pages.get(id)!);
    });
    return loader.load(d.id);
  }

  @FieldResolver(() => TreeStats, { description: '统计 / Figures' })
  @Requires(P['tree:read'])
  stats(@Root() d: DistrictEntity) {
    return statsOf('district', d.id);
  }

  @Mutation(() => District, { description: '新建区/县 / Create a district' })
  @Requires(P['district:create'])
  createDistrict(@Arg('input') input: CreateDistrictInput, @Ctx() ctx: CoreContext) {
    return tree.createDistrict(em(ctx), input);
  }

  @Mutation(() => District, { description: '修改区/县 / Update a district' })
  @Requires(P['tree:write'])
  async updateDistrict(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateDistrictInput, @Ctx() ctx: CoreContext) {
    return tree.updateDistrict(em(ctx), await mustLoadAt(ctx, P['tree:write'], DistrictEntity, 'District', id), input);
  }
}
