import { Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { FamilyRelation } from './enums.type';

@InputType({ description: '发放积分 / Grant points from the district issuance account' })
export class GrantPointsInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int) amount!: number;
  @Field(() => String, { nullable: true }) memo?: string | null;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

@InputType({ description: '冲正转账 / Reverse a transfer' })
export class ReversePointsTransferInput {
  @Field(() => ID) transferId!: string;
  @Field({ description: '冲正理由 / Reason' }) reason!: string;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

@InputType({ description: '向家人转赠积分 / Transfer points to a family member' })
export class TransferPointsToFamilyInput {
  @Field(() => ID) fromVolunteerId!: string;
  @Field(() => ID) toVolunteerId!: string;
  @Field(() => Int) amount!: number;
  @Field(() => FamilyRelation) relation!: FamilyRelation;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

@InputType({ description: '存入时间银行 / Bank verified service minutes' })
export class DepositServiceHoursInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int, { description: '分钟 / Minutes' }) minutes!: number;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

@InputType({ description: '支取时间银行换取服务 / Use banked minutes for care received' })
export class UseBankedHoursInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int, { description: '分钟 / Minutes' }) minutes!: number;
  @Field({ description: '接受的服务，如"上门助浴2小时" / The care received' }) purpose!: string;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}
