import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { DietTag } from './dining-enums.type';

@InputType({ description: '补贴资格（缺省取居民关爱标签；80岁以上按出生日期计算）/ Eligibility facts (default from care tags; 80+ from the birth date)' })
export class EligibilityInput {
  @Field(() => Boolean, { nullable: true, description: '低保 / Low income' }) lowIncome?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '特困 / Extreme poverty' }) extremePoverty?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '残疾 / Disabled' }) disabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '独居 / Living alone' }) livingAlone?: boolean | null;
}

@InputType({ description: '老人助餐登记 / Enrol an elder at a canteen' })
export class EnrolElderInput {
  @Field(() => ID, { description: '居民（60岁以上）/ Resident aged 60+' }) residentId!: string;
  @Field(() => ID, { description: '服务其社区的食堂 / A canteen serving their community' }) canteenId!: string;
  @Field(() => [DietTag], { nullable: true, description: '饮食要求 / Dietary restrictions' }) dietaryRestrictions?: DietTag[] | null;
  @Field(() => String, { nullable: true, description: '送餐地址（缺省为住址）/ Delivery address (home address by default)' }) deliveryAddress?: string | null;
  @Field(() => EligibilityInput, { nullable: true, description: '补贴资格 / Eligibility facts' }) eligibility?: EligibilityInput | null;
}

@InputType({ description: '修改助餐登记 / Update an enrolment' })
export class UpdateEnrolmentInput {
  @Field(() => ID) id!: string;
  @Field(() => [DietTag], { nullable: true, description: '饮食要求 / Dietary restrictions' }) dietaryRestrictions?: DietTag[] | null;
  @Field(() => String, { nullable: true, description: '送餐地址 / Delivery address' }) deliveryAddress?: string | null;
  @Field(() => EligibilityInput, { nullable: true, description: '补贴资格 / Eligibility facts' }) eligibility?: EligibilityInput | null;
}

@InputType({ description: '登记筛选 / Enrolment filter' })
export class EnrolmentFilter {
  @Field(() => ID, { description: '区 / District' }) districtId!: string;
  @Field(() => ID, { nullable: true, description: '食堂 / Canteen' }) canteenId?: string | null;
  @Field(() => ID, { nullable: true, description: '老人所在社区 / Elders of this community' }) communityId?: string | null;
}
