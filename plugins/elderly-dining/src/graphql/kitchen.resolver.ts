import {
  Arg, Args, Connection, Ctx, FieldResolver, ID, Mutation, PageArgs, Query, Resolver, Root, SocialOrganization,
  type GongzhiContext, AsParent, Requires } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { Canteen } from '../entities/canteen.entity';
import { CentralKitchen } from '../entities/central-kitchen.entity';
import { createKitchen, listKitchens } from '../services/kitchen.service';
import { CreateCentralKitchenInput } from './kitchen.input';

const CentralKitchenConnection = Connection(CentralKitchen, 'CentralKitchen');

@Resolver(() => CentralKitchen)
export class KitchenResolver {
  @Requires(perms['canteen:read'])
  @Query(() => CentralKitchenConnection, { description: '区内中央厨房 / Central kitchens of a district' })
  centralKitchens(@Arg('districtId', () => ID, { description: '区 / District' }) districtId: string, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    return listKitchens(ctx, districtId, page.first, page.after);
  }

  @Requires(perms['kitchen:manage'])
  @Mutation(() => CentralKitchen, { description: '新建中央厨房 / Create a central kitchen' })
  createCentralKitchen(@Arg('input', () => CreateCentralKitchenInput, { description: '输入 / Input' }) input: CreateCentralKitchenInput, @Ctx() ctx: GongzhiContext) {
    return createKitchen(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { nullable: true, description: '运营的社会组织 / Operating social organisation' })
  operatorOrganization(@Root() k: CentralKitchen, @Ctx() ctx: GongzhiContext) {
    return k.operatorOrganizationId ? ctx.core.socialOrganization(k.operatorOrganizationId) : null;
  }

  @AsParent()
  @FieldResolver(() => [Canteen], { description: '供应的食堂 / Canteens it supplies' })
  canteens(@Root() k: CentralKitchen, @Ctx() ctx: GongzhiContext) {
    return ctx.loader<string, Canteen[]>('elderly-dining:canteens-by-kitchen', async (ids) => {
      const rows = await ctx.em.find(Canteen, { kitchenId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((c) => c.kitchenId === id));
    }).load(k.id);
  }
}
