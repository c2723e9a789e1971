import { Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';

@InputType({ description: '开设爱心超市 / Open a charity store' })
export class OpenCharityStoreInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field() name!: string;
}

@InputType({ description: '上架商品 / Add an item' })
export class AddStoreItemInput {
  @Field(() => ID) storeId!: string;
  @Field() name!: string;
  @Field(() => Int) pointsPrice!: number;
  @Field(() => Int) stock!: number;
}

@InputType({ description: '补货 / Restock an item' })
export class RestockStoreItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) quantity!: number;
}

@InputType({ description: '积分兑换 / Redeem an item' })
export class RedeemStoreItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int, { defaultValue: 1 }) quantity!: number;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

@InputType({ description: '撤销兑换 / Cancel a redemption' })
export class CancelRedemptionInput {
  @Field(() => ID) redemptionId!: string;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}
