import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { OperatorKind } from './dining-enums.type';

/** Fields shared by the inputs creating kitchens and canteens (registered only for inheritance; not emitted). */
@InputType('DiningOperatedSiteInput')
export class OperatedSiteInput {
  @Field({ description: '名称 / Name' }) name!: string;
  @Field(() => String, { nullable: true, description: '地址 / Address' }) address?: string | null;
  @Field(() => OperatorKind, { description: '运营方类型 / Operator kind' }) operatorKind!: OperatorKind;
  @Field(() => ID, { nullable: true, description: '运营的社会组织 / Operating social organisation' }) operatorOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: '运营方名称（企业必填）/ Operator name (required for companies)' }) operatorName?: string | null;
}
