import { Field, Int, ObjectType } from '@gongzhi/plugin-sdk';
import { Meal } from './dining-enums.type';

@ObjectType({ description: '某日某餐的供餐能力与已订数 / Capacity and booked seats of one meal on a date' })
export class MealCapacity {
  @Field(() => Meal, { description: '餐次 / Meal' }) meal!: Meal;
  @Field(() => Int, { description: '供餐能力 / Capacity' }) capacity!: number;
  @Field(() => Int, { description: '已订 / Booked' }) used!: number;
  @Field(() => Int, { description: '剩余 / Remaining' }) remaining!: number;
  @Field({ description: '订餐截止时间（北京时间）/ Order cutoff (Asia/Shanghai)' }) cutoff!: string;
}
