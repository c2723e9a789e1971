import { Arg, Ctx, ID, Mutation, Resolver, type GongzhiContext, Requires } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { DiningOrder } from '../entities/order.entity';
import {
  assignDeliverer, confirmDelivery, markOutForDelivery, markServed, reportDeliveryFailed,
} from '../services/delivery.service';
import { AssignDelivererInput, ConfirmDeliveryInput, ReportDeliveryFailedInput } from './delivery.input';

@Resolver(() => DiningOrder)
export class DeliveryResolver {
  @Requires(perms['order:serve'])
  @Mutation(() => DiningOrder, { description: '堂食出餐 / Serve a dine-in meal' })
  markDiningOrderServed(@Arg('id', () => ID, { description: '全局ID / Global id' }) id: string, @Ctx() ctx: GongzhiContext) {
    return markServed(ctx, id);
  }

  @Requires(perms['order:serve'])
  @Mutation(() => DiningOrder, { description: '指派送餐人（工作人员或志愿者）/ Assign a deliverer (staff or volunteer)' })
  assignDeliverer(@Arg('input', () => AssignDelivererInput, { description: '输入 / Input' }) input: AssignDelivererInput, @Ctx() ctx: GongzhiContext) {
    return assignDeliverer(ctx, input);
  }

  @Requires(perms['order:serve'])
  @Mutation(() => DiningOrder, { description: '出发送餐 / Mark out for delivery' })
  markOutForDelivery(@Arg('id', () => ID, { description: '全局ID / Global id' }) id: string, @Ctx() ctx: GongzhiContext) {
    return markOutForDelivery(ctx, id);
  }

  @Requires(perms['order:serve'])
  @Mutation(() => DiningOrder, { description: '确认送达 / Confirm the meal was delivered' })
  confirmDelivery(@Arg('input', () => ConfirmDeliveryInput, { description: '输入 / Input' }) input: ConfirmDeliveryInput, @Ctx() ctx: GongzhiContext) {
    return confirmDelivery(ctx, input);
  }

  @Requires(perms['order:serve'])
  @Mutation(() => DiningOrder, { description: '送餐失败（通知社区）/ Report a failed delivery (alerts the community)' })
  reportDeliveryFailed(@Arg('input', () => ReportDeliveryFailedInput, { description: '输入 / Input' }) input: ReportDeliveryFailedInput, @Ctx() ctx: GongzhiContext) {
    return reportDeliveryFailed(ctx, input);
  }
}
