import { Field, ID, InputType, LocalDate } from '@gongzhi/plugin-sdk';
import { Meal, OrderMode, OrderStatus } from './dining-enums.type';

@InputType({ description: '订餐（老人本人或工作人员代订）/ Order a meal (by the elder or a worker on their behalf)' })
export class PlaceOrderInput {
  @Field(() => ID, { description: '已登记的老人 / Enrolled elder (resident)' }) residentId!: string;
  @Field(() => LocalDate, { description: '用餐日期 / Date' }) date!: string;
  @Field(() => Meal, { description: '餐次 / Meal' }) meal!: Meal;
  @Field(() => OrderMode, { description: '堂食或送餐 / Dine in or delivery' }) mode!: OrderMode;
  @Field(() => [ID], { nullable: true, description: '所选菜品，缺省为整份菜单 / Dishes chosen; the whole menu when omitted' }) dishIds?: string[] | null;
  @Field(() => String, { nullable: true, description: '送餐地址，缺省取登记地址 / Delivery address; the enrolment\'s by default' }) deliveryAddress?: string | null;
}

@InputType({ description: '订单筛选 / Order filter' })
export class OrderFilter {
  @Field(() => ID, { description: '区 / District' }) districtId!: string;
  @Field(() => ID, { nullable: true, description: '食堂 / Canteen' }) canteenId?: string | null;
  @Field(() => ID, { nullable: true, description: '老人 / Elder (resident)' }) residentId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: '日期 / Date' }) date?: string | null;
  @Field(() => Meal, { nullable: true, description: '餐次 / Meal' }) meal?: Meal | null;
  @Field(() => OrderStatus, { nullable: true, description: '状态 / Status' }) status?: OrderStatus | null;
}
