import { Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { VentureCategory } from './grant-enums.type';

@InputType({ description: '预算明细 / A budget line' })
export class VentureBudgetLineInput {
  @Field({ description: '支出项目 / Item' }) item!: string;
  @Field(() => Int, { description: '单价（分）/ Unit price in fen' }) unitPriceFen!: number;
  @Field(() => Int, { description: '数量（整数）/ Quantity, whole' }) quantity!: number;
}

@InputType({ description: '申报内容 / What an application proposes' })
export class VentureApplicationContentInput {
  @Field({ description: '项目名称 / Project title' }) title!: string;
  @Field(() => VentureCategory, { description: '类别（须为轮次资助类别）/ Category, one the round funds' }) category!: VentureCategory;
  @Field({ description: '项目简介 / What the project does' }) summary!: string;
  @Field(() => Int, { description: '预计受益人数 / Expected beneficiaries' }) expectedBeneficiaries!: number;
  @Field(() => [ID], { description: '服务社区（本组织服务且在轮次范围内）/ Target communities: ones the organisation serves, inside the round\'s area' }) targetCommunityIds!: string[];
  @Field(() => [ID], { nullable: true, description: '回应的需求 / Needs of the round it answers' }) answeredNeedIds?: string[] | null;
  @Field(() => [VentureBudgetLineInput], { description: '预算明细（合计不超过单项上限）/ Budget lines; their total is at most the round\'s cap' }) budgetLines!: VentureBudgetLineInput[];
}

@InputType({ description: '起草项目申报 / Draft an application' })
export class DraftVentureApplicationInput {
  @Field(() => ID, { description: '轮次 / Round' }) roundId!: string;
  @Field(() => ID, { description: '申报组织 / The applying organisation' }) organizationId!: string;
  @Field(() => VentureApplicationContentInput, { description: '内容 / Content' }) content!: VentureApplicationContentInput;
}

@InputType({ description: '修改申报草稿 / New content for a draft' })
export class UpdateVentureApplicationInput {
  @Field(() => ID, { description: '申报 / Application' }) applicationId!: string;
  @Field(() => VentureApplicationContentInput, { description: '内容 / Content' }) content!: VentureApplicationContentInput;
}
