import { Field, ID, InputType, Int, LocalDate } from '@gongzhi/plugin-sdk';
import { DietTag, Meal } from './dining-enums.type';

@InputType({ description: '菜品 / A dish' })
export class DishInput {
  @Field({ description: '菜名 / Name' }) name!: string;
  @Field(() => Int, { description: '价格（分）/ Price in fen' }) priceFen!: number;
  @Field(() => [DietTag], { nullable: true, description: '膳食标签 / Diet tags' }) dietTags?: DietTag[] | null;
}

@InputType({ description: '保存菜单草稿（同一食堂、日期、餐次仅一份）/ Save a draft menu (one per canteen, date and meal)' })
export class SaveMenuInput {
  @Field(() => ID, { description: '食堂 / Canteen' }) canteenId!: string;
  @Field(() => LocalDate, { description: '日期 / Date' }) date!: string;
  @Field(() => Meal, { description: '餐次 / Meal' }) meal!: Meal;
  @Field(() => [DishInput], { description: '菜品（替换原有）/ Dishes (replace the existing ones)' }) dishes!: DishInput[];
}
