import { Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { Weekday } from './dining-enums.type';
import { OperatedSiteInput } from './operated-site.input';

@InputType({ description: '每餐日供餐能力 / Daily capacity per meal' })
export class MealCapacityInput {
  @Field(() => Int, { description: '早餐 / Breakfast' }) breakfast!: number;
  @Field(() => Int, { description: '午餐 / Lunch' }) lunch!: number;
  @Field(() => Int, { description: '晚餐 / Dinner' }) dinner!: number;
}

@InputType({ description: '每餐订餐截止时间（北京时间 HH:mm）/ Order cutoff per meal (Asia/Shanghai HH:mm)' })
export class MealCutoffInput {
  @Field(() => String, { nullable: true, description: '早餐 / Breakfast' }) breakfast?: string | null;
  @Field(() => String, { nullable: true, description: '午餐 / Lunch' }) lunch?: string | null;
  @Field(() => String, { nullable: true, description: '晚餐 / Dinner' }) dinner?: string | null;
}

@InputType({ description: '新建长者食堂 / Create an elder canteen' })
export class CreateCanteenInput extends OperatedSiteInput {
  @Field(() => ID, { description: '所在社区 / Community it sits in' }) communityId!: string;
  @Field(() => ID, { nullable: true, description: '供餐的中央厨房 / Supplying central kitchen' }) kitchenId?: string | null;
  @Field(() => Int, { description: '座位数 / Seats' }) seats!: number;
  @Field(() => [Weekday], { description: '营业日 / Opening days' }) openingDays!: Weekday[];
  @Field(() => MealCapacityInput, { description: '每餐日供餐能力 / Daily capacity per meal' }) capacity!: MealCapacityInput;
  @Field(() => MealCutoffInput, { nullable: true, description: '截止时间，缺省取区设置 / Cutoffs; district defaults when omitted' }) cutoffs?: MealCutoffInput | null;
  @Field(() => [ID], { description: '服务的社区 / Communities served' }) servedCommunityIds!: string[];
}

@InputType({ description: '修改长者食堂 / Update an elder canteen' })
export class UpdateCanteenInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '名称 / Name' }) name?: string | null;
  @Field(() => String, { nullable: true, description: '地址 / Address' }) address?: string | null;
  @Field(() => Int, { nullable: true, description: '座位数 / Seats' }) seats?: number | null;
  @Field(() => [Weekday], { nullable: true, description: '营业日 / Opening days' }) openingDays?: Weekday[] | null;
  @Field(() => MealCapacityInput, { nullable: true, description: '每餐日供餐能力（对今天及以后生效）/ Capacity per meal (from today on)' }) capacity?: MealCapacityInput | null;
  @Field(() => MealCutoffInput, { nullable: true, description: '截止时间 / Cutoffs' }) cutoffs?: MealCutoffInput | null;
  @Field(() => [ID], { nullable: true, description: '服务的社区 / Communities served' }) servedCommunityIds?: string[] | null;
}

@InputType({ description: '食堂筛选 / Canteen filter' })
export class CanteenFilter {
  @Field(() => ID, { description: '区 / District' }) districtId!: string;
  @Field(() => ID, { nullable: true, description: '服务该社区的食堂 / Canteens serving this community' }) communityId?: string | null;
  @Field(() => ID, { nullable: true, description: '中央厨房 / Central kitchen' }) kitchenId?: string | null;
}
