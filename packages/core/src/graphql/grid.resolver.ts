import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Community, District, Grid, Street } from '@gongzhi/plugin-sdk';
import { CommunityEntity, DistrictEntity, GridEntity, StreetEntity } from '../entities';
import { TreeService } from '../services/tree.service';
import { CreateGridInput, UpdateGridInput } from './territory.input';
import { statsOf, TreeStats } from './stats.type';
import { em, load, mustLoad } from './load';
import type { CoreContext } from './core-context';

const tree = new TreeService();

@Resolver(() => Grid)
export class GridResolver {
  @FieldResolver(() => District)
  district(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, g.districtId);
  }

  @FieldResolver(() => Street)
  street(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, StreetEntity, g.streetId);
  }

  @FieldResolver(() => Community)
  community(@Root() g: GridEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, CommunityEntity, g.communityId);
  }

  @FieldResolver(() => TreeStats)
  stats(@Root() g: GridEntity) {
    return statsOf('grid', g.id);
  }

  @Mutation(() => Grid, { description: '新建网格 / Create a grid' })
  createGrid(@Arg('input') input: CreateGridInput, @Ctx() ctx: CoreContext) {
    return tree.createGrid(em(ctx), input);
  }

  @Mutation(() => Grid)
  async updateGrid(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateGridInput, @Ctx() ctx: CoreContext) {
    return tree.updateGrid(em(ctx), await mustLoad(ctx, GridEntity, 'Grid', id), input);
  }
}
