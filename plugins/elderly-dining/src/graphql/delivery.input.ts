import { DateTimeISO, Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { DelivererKind, DeliveryFailureReason } from './dining-enums.type';

@InputType({ description: '指派送餐人 / Assign a deliverer' })
export class AssignDelivererInput {
  @Field(() => ID, { description: '订单 / Order' }) orderId!: string;
  @Field(() => DelivererKind, { description: '工作人员或志愿者 / Staff or volunteer' }) kind!: DelivererKind;
  @Field(() => ID, { nullable: true, description: '志愿者（居民）；志愿者必填 / The volunteer (a resident); required for volunteers' }) residentId?: string | null;
  @Field(() => String, { nullable: true, description: '姓名；工作人员必填 / Name; required for staff' }) name?: string | null;
}

@InputType({ description: '确认送达 / Confirm a delivery' })
export class ConfirmDeliveryInput {
  @Field(() => ID, { description: '订单 / Order' }) orderId!: string;
  @Field(() => DateTimeISO, { nullable: true, description: '送达时间，缺省为现在 / When it was delivered; now by default' }) deliveredAt?: Date | null;
}

@InputType({ description: '送餐失败 / Report a failed delivery' })
export class ReportDeliveryFailedInput {
  @Field(() => ID, { description: '订单 / Order' }) orderId!: string;
  @Field(() => DeliveryFailureReason, { description: '原因 / Reason' }) reason!: DeliveryFailureReason;
  @Field(() => String, { nullable: true, description: '说明 / Note' }) note?: string | null;
}
