import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AsParent, Community, Connection, District, Grid, MaxItems, PageArgs, Requires, SocialOrganization, Street, keysetPage, pagesByParent, scopeWhere } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { CommunityEntity, DistrictEntity, GridEntity, SocialOrganizationEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { CreateCommunityInput, UpdateCommunityInput } from './territory.input';
import { CommunityFilter, NameOrder, likePattern, sortProp } from './filters.input';
import { statsOf, TreeStats } from './stats.type';
import { em, load, mustLoadAt, parentAt, withinNode } from './load';
import type { CoreContext } from './core-context';

const CommunityConnection = Connection(Community, 'Community');
const GridConnection = Connection(Grid, 'Grid');
const tree = new TreeService();

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => CommunityConnection, { description: '社区/村列表 / Communities and villages' })
  @Requires(P['tree:read'])
  @MaxItems({ tree: 'community' })
  async communities(@Args() page: PageArgs, @Ctx() ctx: CoreContext,
    @Arg('filter', () => CommunityFilter, { nullable: true }) filter?: CommunityFilter,
    @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    const where: Record<string, unknown> = { ...scopeWhere(ctx.auth.scopeFilter(P['tree:read']), { district: 'districtId', street: 'streetId', community: 'id' }) };
    if (filter?.within) Object.assign(where, (await withinNode(ctx, P['tree:read'], filter.within, 'filter.within', ['district', 'street'])).where);
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.nameContains) where.name = { $ilike: likePattern(filter.nameContains) };
    return keysetPage(em(ctx), CommunityEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => District)
  @AsParent()
  district(@Root() c: CommunityEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, c.districtId);
  }

  @FieldResolver(() => Street)
  @AsParent()
  street(@Root() c: CommunityEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, StreetEntity, c.streetId);
  }

  @FieldResolver(() => GridConnection, { description: '网格 / Grids' })
  @Requires(P['tree:read'])
  @MaxItems({ tree: 'grid' })
  grids(@Root() c: CommunityEntity, @Args() page: PageArgs, @Ctx() ctx: CoreContext) {
    return ctx.loaders
      .get<string, unknown>(`Community.grids:${page.first}:${page.after}`, async (ids) => {
        const pages = await pagesByParent(em(ctx), GridEntity, 'communityId', ids, { ...page, sortBy: 'name' });
        return ids.map((id) => pages.get(id)!);
      })
      .load(c.id);
  }

  @FieldResolver(() => [SocialOrganization], { description: '服务本社区的社会组织 / Organisations serving it' })
  @Requires(P['organization:read'])
  socialOrganizations(@Root() c: CommunityEntity, @Ctx() ctx: CoreContext) {
    return ctx.loaders
      .get<string, SocialOrganizationEntity[]>('Community.socialOrganizations', async (ids) => {
        const rows = await em(ctx).execute<{ community_id: string; organization_id: string }[]>(
          'select community_id, organization_id from social_organization_community where community_id in (?)', [[...ids]]);
        const orgs = rows.length ? await em(ctx).find(SocialOrganizationEntity, { id: { $in: rows.map((r) => r.organization_id) } }, { orderBy: { name: 'asc' } }) : [];
        const byId = new Map(orgs.map((o) => [o.id, o]));
        return ids.map((id) => rows.filter((r) => r.community_id === id).map((r) => byId.get(r.organization_id)!).sort((a, b) => a.name.localeCompare(b.name)));
      })
      .load(c.id);
  }

  @FieldResolver(() => TreeStats)
  @Requires(P['tree:read'])
  stats(@Root() c: CommunityEntity) {
    return statsOf('community', c.id);
  }

  @Mutation(() => Community, { description: '新建社区/村 / Create a community or village' })
  @Requires(P['tree:write'])
  async createCommunity(@Arg('input') input: CreateCommunityInput, @Ctx() ctx: CoreContext) {
    await parentAt(ctx, P['tree:write'], StreetEntity, 'Street', input.streetId, 'input.streetId');
    return tree.createCommunity(em(ctx), input);
  }

  @Mutation(() => Community)
  @Requires(P['tree:write'])
  async updateCommunity(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCommunityInput, @Ctx() ctx: CoreContext) {
    return tree.updateCommunity(em(ctx), await mustLoadAt(ctx, P['tree:write'], CommunityEntity, 'Community', id), input);
  }
}
