import {
  Arg, Args, Connection, Ctx, FieldResolver, ID, Mutation, PageArgs, Query, Resident, Resolver, Root,
  type GongzhiContext, AsParent, Authenticated, byId,
} from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { DiningDish } from '../entities/dish.entity';
import { DiningOrder } from '../entities/order.entity';
import { listOrders } from '../services/order-query.service';
import { cancelOrder, placeOrder } from '../services/order.service';
import { OrderFilter, PlaceOrderInput } from './order.input';

const DiningOrderConnection = Connection(DiningOrder, 'DiningOrder');

@Resolver(() => DiningOrder)
export class OrderResolver {
  @Authenticated()
  @Query(() => DiningOrderConnection, { description: '订餐列表 / Meal orders' })
  diningOrders(@Arg('filter', () => OrderFilter, { description: '筛选 / Filter' }) filter: OrderFilter, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    return listOrders(ctx, filter, page.first, page.after);
  }

  @Authenticated()
  @Mutation(() => DiningOrder, { description: '订餐（截止前；不超过供餐能力）/ Order a meal (before the cutoff, within capacity)' })
  placeDiningOrder(@Arg('input', () => PlaceOrderInput, { description: '输入 / Input' }) input: PlaceOrderInput, @Ctx() ctx: GongzhiContext) {
    return placeOrder(ctx, input);
  }

  @Authenticated()
  @Mutation(() => DiningOrder, { description: '截止前取消订餐，释放名额 / Cancel before the cutoff, releasing the seat' })
  cancelDiningOrder(
    @Arg('id', () => ID, { description: '全局ID / Global id' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: '取消原因 / Reason' }) reason: string | null,
    @Ctx() ctx: GongzhiContext,
  ) {
    return cancelOrder(ctx, id, reason);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '老人 / The elder' })
  elder(@Root() o: DiningOrder, @Ctx() ctx: GongzhiContext) {
    return ctx.core.resident(o.residentId);
  }

  @AsParent()
  @FieldResolver(() => Canteen, { description: '食堂 / Canteen' })
  canteen(@Root() o: DiningOrder, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, Canteen).load(o.canteenId);
  }

  @AsParent()
  @FieldResolver(() => [DiningDish], { description: '所订菜品 / Dishes ordered' })
  async dishes(@Root() o: DiningOrder, @Ctx() ctx: GongzhiContext) {
    return (await byId(ctx, DiningDish).loadMany(o.dishIds)).filter((d): d is DiningDish => !!d && !(d instanceof Error));
  }

  @AsParent()
  @FieldResolver(() => Resident, { nullable: true, description: '送餐志愿者 / Volunteer deliverer' })
  delivererResident(@Root() o: DiningOrder, @Ctx() ctx: GongzhiContext) {
    return o.delivererResidentId ? ctx.core.resident(o.delivererResidentId) : null;
  }
}
