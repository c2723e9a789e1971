import {
  Arg, Args, Community, Connection, Ctx, FieldResolver, ID, LocalDate, Mutation, PageArgs, Query, Resolver, Root,
  SocialOrganization, type GongzhiContext, AsParent, MaxItems, Requires, byId, parseLocalDate, today,
} from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { Canteen, capacityOf, cutoffOf } from '../entities/canteen.entity';
import { CentralKitchen } from '../entities/central-kitchen.entity';
import { DiningMenu } from '../entities/menu.entity';
import { createCanteen, listCanteens, updateCanteen } from '../services/canteen.service';
import { seatsOn } from '../services/capacity.service';
import { listMenus } from '../services/menu.service';
import { MealCapacity } from './canteen-capacity.type';
import { CanteenFilter, CreateCanteenInput, UpdateCanteenInput } from './canteen.input';
import { MEALS } from './dining-enums.type';
import { servedCommunityIds } from '../services/canteen-communities';

const CanteenConnection = Connection(Canteen, 'Canteen');
const DiningMenuConnection = Connection(DiningMenu, 'DiningMenu');

@Resolver(() => Canteen)
export class CanteenResolver {
  @Requires(perms['canteen:read'])
  @Query(() => CanteenConnection, { description: '长者食堂列表 / Elder canteens' })
  canteens(@Arg('filter', () => CanteenFilter, { description: '筛选 / Filter' }) filter: CanteenFilter, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    return listCanteens(ctx, filter, page.first, page.after);
  }

  @Requires(perms['canteen:manage'])
  @Mutation(() => Canteen, { description: '新建长者食堂 / Create an elder canteen' })
  createCanteen(@Arg('input', () => CreateCanteenInput, { description: '输入 / Input' }) input: CreateCanteenInput, @Ctx() ctx: GongzhiContext) {
    return createCanteen(ctx, input);
  }

  @Requires(perms['canteen:manage'])
  @Mutation(() => Canteen, { description: '修改长者食堂 / Update an elder canteen' })
  updateCanteen(@Arg('input', () => UpdateCanteenInput, { description: '输入 / Input' }) input: UpdateCanteenInput, @Ctx() ctx: GongzhiContext) {
    return updateCanteen(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所在社区 / Community it sits in' })
  community(@Root() c: Canteen, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(c.communityId);
  }

  @AsParent()
  @FieldResolver(() => [Community], { description: '服务的社区 / Communities served' })
  @MaxItems({ tree: 'community' })
  async servedCommunities(@Root() c: Canteen, @Ctx() ctx: GongzhiContext) {
    const ids = await servedCommunityIds(ctx).load(c.id);
    return (await Promise.all(ids.map((id) => ctx.core.community(id)))).filter(Boolean);
  }

  @AsParent()
  @FieldResolver(() => CentralKitchen, { nullable: true, description: '供餐的中央厨房 / Supplying central kitchen' })
  kitchen(@Root() c: Canteen, @Ctx() ctx: GongzhiContext) {
    return c.kitchenId ? byId(ctx, CentralKitchen).load(c.kitchenId) : null;
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { nullable: true, description: '运营的社会组织 / Operating social organisation' })
  operatorOrganization(@Root() c: Canteen, @Ctx() ctx: GongzhiContext) {
    return c.operatorOrganizationId ? ctx.core.socialOrganization(c.operatorOrganizationId) : null;
  }

  @AsParent()
  @FieldResolver(() => [MealCapacity], { description: '某日各餐供餐能力与已订数（缺省今天）/ Capacity and bookings per meal on a date (today by default)' })
  async capacity(@Root() c: Canteen, @Arg('date', () => LocalDate, { nullable: true, description: '日期，缺省今天 / Date; today by default' }) date: string | null, @Ctx() ctx: GongzhiContext) {
    const day = date ? parseLocalDate(date, 'date') : today(ctx.clock.now());
    const seats = await ctx.loader<string, { meal: string; used: number; capacity: number }[]>(`elderly-dining:seats:${day}`, async (ids) => {
      const rows = await seatsOn(ctx.em, ids, day);
      return ids.map((id) => rows.filter((r) => r.canteen_id === id));
    }).load(c.id);
    return MEALS.map((meal) => {
      const slot = seats.find((s) => s.meal === meal);
      const capacity = slot?.capacity ?? capacityOf(c, meal);
      const used = slot?.used ?? 0;
      return { meal, capacity, used, remaining: Math.max(0, capacity - used), cutoff: cutoffOf(c, meal) };
    });
  }

  @AsParent()
  @FieldResolver(() => DiningMenuConnection, { description: '日期范围内的菜单 / Menus between two dates (inclusive)' })
  menus(
    @Root() c: Canteen,
    @Arg('from', () => LocalDate, { description: '起始日期 / From date' }) from: string,
    @Arg('to', () => LocalDate, { description: '截止日期（含）/ To date (inclusive)' }) to: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    return listMenus(ctx, c.id, from, to, page.first, page.after);
  }
}

export { ID };
