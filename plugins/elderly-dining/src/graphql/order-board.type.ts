import { DateTimeISO, Field, ID, ObjectType } from '@gongzhi/plugin-sdk';
import { DiningOrder } from '../entities/order.entity';
import { OrderBoardChange } from './dining-enums.type';

@ObjectType({ description: '食堂今日订单看板的一条变化 / One change on a canteen\'s order board for today' })
export class OrderBoardUpdate {
  @Field(() => ID, { description: '事件序号（断线重连用）/ Event id (resume after it when reconnecting)' }) eventId!: string;
  @Field(() => OrderBoardChange, { description: '变化类型 / Kind of change' }) change!: OrderBoardChange;
  @Field(() => DateTimeISO, { description: '发生时间 / When it happened' }) occurredAt!: Date;
  @Field(() => DiningOrder, { nullable: true, description: '订单当前状态 / The order as it is now' }) order!: DiningOrder | null;
}
