import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { RedemptionStatus } from '../graphql/enums.type';

@Entity({ tableName: 'vb_redemption' })
@ObjectType({ implements: Node, description: '积分兑换 / Redemption at a charity store' })
export class Redemption extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) itemId!: string;
  @Property({ type: 'uuid' }) volunteerId!: string;

  @Field(() => Int, { description: '数量 / Quantity' })
  @Property({ type: 'integer' }) quantity!: number;

  @Field(() => Int, { description: '消耗积分 / Points spent' })
  @Property({ type: 'integer' }) points!: number;

  @Field(() => RedemptionStatus, { description: '状态 / Status' })
  @Property({ type: 'text' }) status!: RedemptionStatus;

  @Property({ type: 'uuid' }) transferId!: string;
  @Property({ type: 'uuid', nullable: true }) refundTransferId!: string | null;

  @Field(() => DateTimeISO, { description: '兑换时间 / Redeemed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: '撤销时间 / Cancelled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}
