import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { OperatedSiteInput } from './operated-site.input';

@InputType({ description: '新建中央厨房 / Create a central kitchen' })
export class CreateCentralKitchenInput extends OperatedSiteInput {
  @Field(() => ID, { description: '所属区 / District' }) districtId!: string;
  @Field(() => ID, { nullable: true, description: '所在街道 / Street it sits in' }) streetId?: string | null;
}
