import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AsParent, Community, District, Grid, Requires, Street } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { CommunityEntity, DistrictEntity, GridEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { CreateGridInput, UpdateGridInput } from './territory.input';
import { statsOf, TreeStats } from './stats.type';
import { em, load, mustLoadAt, parentAt } from './load';
import type { CoreContext } from './core-context';

const tree = new TreeService();

@Resolver(() => Grid)
export class GridResolver {
  @FieldResolver(() => District)
  @AsParent()
  district(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, g.districtId);
  }

  @FieldResolver(() => Street)
  @AsParent()
  street(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, StreetEntity, g.streetId);
  }

  @FieldResolver(() => Community)
  @AsParent()
  community(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, CommunityEntity, g.communityId);
  }

  @FieldResolver(() => TreeStats)
  @Requires(P['tree:read'])
  stats(@Root() g: GridEntity) {
    return statsOf('grid', g.id);
  }

  @Mutation(() => Grid, { description: '新建网格 / Create a grid' })
  @Requires(P['tree:write'])
  async createGrid(@Arg('input') input: CreateGridInput, @Ctx() ctx: CoreContext) {
    await parentAt(ctx, P['tree:write'], CommunityEntity, 'Community', input.communityId, 'input.communityId');
    return tree.createGrid(em(ctx), input);
  }

  @Mutation(() => Grid)
  @Requires(P['tree:write'])
  async updateGrid(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateGridInput, @Ctx() ctx: CoreContext) {
    return tree.updateGrid(em(ctx), await mustLoadAt(ctx, P['tree:write'], GridEntity, 'Grid', id), input);
  }
}
