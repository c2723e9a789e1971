import { Field, Int, LocalDate, ObjectType } from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { Meal, SubsidyTier } from './dining-enums.type';

@ObjectType({ description: '某食堂某日某餐统计 / Daily counts of one canteen and meal' })
export class DailyMealCount {
  canteenId!: string;
  @Field(() => Canteen, { description: '食堂 / Canteen' }) canteen?: Canteen;
  @Field(() => LocalDate, { description: '日期 / Date' }) date!: string;
  @Field(() => Meal, { description: '餐次 / Meal' }) meal!: Meal;
  @Field(() => Int, { description: '订餐数（不含取消）/ Ordered (not cancelled)' }) ordered!: number;
  @Field(() => Int, { description: '堂食出餐 / Served in the canteen' }) served!: number;
  @Field(() => Int, { description: '已送达 / Delivered' }) delivered!: number;
  @Field(() => Int, { description: '送餐失败 / Delivery failed' }) failed!: number;
  @Field(() => Int, { description: '已取消 / Cancelled' }) cancelled!: number;
}

@ObjectType({ description: '补贴结算行：档次×每餐补贴 / Settlement line: tier × subsidy per meal' })
export class SettlementLine {
  @Field(() => SubsidyTier, { nullable: true, description: '补贴档次（空为无补贴）/ Tier (null: no subsidy)' }) tier!: SubsidyTier | null;
  @Field(() => Int, { description: '每餐补贴（分）/ Subsidy per meal (fen)' }) subsidyPerMealFen!: number;
  @Field(() => Int, { description: '餐数 / Meals' }) meals!: number;
  @Field(() => Int, { description: '补贴合计（分）/ Subsidy total (fen)' }) subsidyFen!: number;
  @Field(() => Int, { description: '餐费合计（分）/ Price total (fen)' }) priceFen!: number;
  @Field(() => Int, { description: '个人支付合计（分）/ Paid by elders (fen)' }) payableFen!: number;
}

@ObjectType({ description: '某食堂月度补贴结算 / Monthly subsidy settlement of one canteen' })
export class CanteenSettlement {
  canteenId!: string;
  @Field(() => Canteen, { description: '食堂 / Canteen' }) canteen?: Canteen;
  @Field(() => [SettlementLine], { description: '分档明细 / Lines by tier' }) lines!: SettlementLine[];
  @Field(() => Int, { description: '餐数 / Meals' }) meals!: number;
  @Field(() => Int, { description: '补贴合计（分）/ Subsidy total (fen)' }) subsidyFen!: number;
}

@ObjectType({ description: '月度补贴结算（计入：未取消且未送餐失败的订单）/ Monthly subsidy settlement (orders neither cancelled nor failed)' })
export class SubsidySettlement {
  @Field({ description: '月份 YYYY-MM / Month' }) month!: string;
  @Field(() => [CanteenSettlement], { description: '各食堂 / Per canteen' }) canteens!: CanteenSettlement[];
  @Field(() => [SettlementLine], { description: '全区分档汇总 / District lines by tier' }) districtLines!: SettlementLine[];
  @Field(() => Int, { description: '全区餐数 / District meals' }) meals!: number;
  @Field(() => Int, { description: '全区补贴合计（分）/ District subsidy total (fen)' }) subsidyFen!: number;
}
