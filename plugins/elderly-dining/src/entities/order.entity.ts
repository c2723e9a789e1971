import { randomUUID } from 'node:crypto';
import { OptionalProps, DateTimeISO, Entity, Field, Int, LocalDate, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { DelivererKind, DeliveryFailureReason, Meal, OrderMode, OrderStatus, PlacedBy, SubsidyTier } from '../graphql/dining-enums.type';

@Entity({ tableName: 'ed_order' })
@ObjectType({ implements: Node, description: '订餐 / A meal order; amounts fixed at ordering time' })
export class DiningOrder extends Node {
  [OptionalProps]?: 'id' | 'createdAt' | 'delivererKind' | 'delivererResidentId' | 'delivererName' | 'servedAt' | 'outForDeliveryAt' | 'deliveredAt' | 'failureReason' | 'failureNote' | 'cancelledAt' | 'cancelReason';
  @PrimaryKey({ type: 'uuid' }) override id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) canteenId!: string;
  @Property({ type: 'uuid' }) menuId!: string;
  @Property({ type: 'uuid' }) enrolmentId!: string;
  @Property({ type: 'uuid' }) residentId!: string;
  @Field(() => LocalDate, { description: '用餐日期 / Date of the meal' }) @Property({ type: 'date' }) date!: string;
  @Field(() => Meal, { description: '餐次 / Meal' }) @Property({ type: 'text' }) meal!: Meal;
  @Field(() => OrderMode, { description: '就餐方式 / Dine in or delivery' }) @Property({ type: 'text' }) mode!: OrderMode;
  @Field(() => OrderStatus, { description: '状态 / Status' }) @Property({ type: 'text' }) status!: OrderStatus;
  @Property({ type: 'string[]', columnType: 'uuid[]' }) dishIds!: string[];
  @Field(() => Int, { description: '价格（分）/ Price in fen' }) @Property({ type: 'integer' }) priceFen!: number;
  @Field(() => Int, { description: '补贴（分）/ Subsidy in fen' }) @Property({ type: 'integer' }) subsidyFen!: number;
  @Field(() => Int, { description: '个人支付（分）/ Payable by the elder in fen' }) @Property({ type: 'integer' }) payableFen!: number;
  @Field(() => SubsidyTier, { nullable: true, description: '适用补贴档次 / Subsidy tier applied' })
  @Property({ type: 'text', nullable: true }) subsidyTier!: SubsidyTier | null;
  @Field(() => PlacedBy, { description: '下单人 / Placed by' }) @Property({ type: 'text' }) placedBy!: PlacedBy;
  @Property({ type: 'text', nullable: true }) placedByAccountId!: string | null;
  @Field(() => String, { nullable: true, description: '送餐地址 / Delivery address' })
  @Property({ type: 'text', nullable: true }) deliveryAddress!: string | null;
  @Field(() => DelivererKind, { nullable: true, description: '送餐人类型 / Deliverer kind' })
  @Property({ type: 'text', nullable: true }) delivererKind: DelivererKind | null = null;
  @Property({ type: 'uuid', nullable: true }) delivererResidentId: string | null = null;
  @Field(() => String, { nullable: true, description: '送餐人 / Deliverer name' })
  @Property({ type: 'text', nullable: true }) delivererName: string | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '出餐时间 / Served at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) servedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '出发配送时间 / Out for delivery at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) outForDeliveryAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '送达时间 / Delivered at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) deliveredAt: Date | null = null;
  @Field(() => DeliveryFailureReason, { nullable: true, description: '送餐失败原因 / Failure reason' })
  @Property({ type: 'text', nullable: true }) failureReason: DeliveryFailureReason | null = null;
  @Field(() => String, { nullable: true, description: '失败说明 / Failure note' })
  @Property({ type: 'text', nullable: true }) failureNote: string | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '取消时间 / Cancelled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) cancelledAt: Date | null = null;
  @Field(() => String, { nullable: true, description: '取消原因 / Cancel reason' })
  @Property({ type: 'text', nullable: true }) cancelReason: string | null = null;
  @Field(() => DateTimeISO, { description: '下单时间 / Placed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
