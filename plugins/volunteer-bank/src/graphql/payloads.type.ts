import { Field, Int, ObjectType } from '@gongzhi/plugin-sdk';
import { ActivitySignUp } from '../entities/sign-up.entity';
import { PointsTransfer } from '../entities/transfer.entity';
import { Redemption } from '../entities/redemption.entity';
import { MicroWish } from '../entities/wish.entity';

@ObjectType({ description: '时长核定结果 / Result of verifying hours' })
export class HoursVerificationPayload {
  @Field(() => ActivitySignUp) signUp!: ActivitySignUp;
  @Field(() => Int, { description: '核定分钟 / Verified minutes' }) minutes!: number;
  @Field(() => Int, { description: '获得积分 / Points earned' }) points!: number;
  @Field(() => PointsTransfer, { nullable: true, description: '入账转账（无积分时为空）/ The credit (none when no points)' }) transfer!: PointsTransfer | null;
}

@ObjectType({ description: '兑换结果 / Result of a redemption or its cancellation' })
export class RedemptionPayload {
  @Field(() => Redemption) redemption!: Redemption;
  @Field(() => PointsTransfer, { description: '本次积分转账 / The transfer of this request' }) transfer!: PointsTransfer;
}

@ObjectType({ description: '微心愿确认结果 / Result of confirming a wish' })
export class WishConfirmationPayload {
  @Field(() => MicroWish) wish!: MicroWish;
  @Field(() => PointsTransfer, { nullable: true }) transfer!: PointsTransfer | null;
}

@ObjectType({ description: '积分变动结果 / Result of a points movement' })
export class PointsTransferPayload {
  @Field(() => PointsTransfer) transfer!: PointsTransfer;
}
