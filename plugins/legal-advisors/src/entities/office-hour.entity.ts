import { randomUUID } from 'node:crypto';
import { DateTimeISO, Entity, Enum, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { OfficeHourStatus } from '../graphql/legal-enums.type';

/**
 * A dated office hour (坐班) of a community's advisor. The database keeps `booked ≤ capacity`
 * and refuses a lawyer two scheduled hours that overlap (`la_office_hour_lawyer_free`).
 */
@Entity({ tableName: 'la_office_hour' })
@ObjectType({ implements: Node, description: '法律顾问坐班 / A legal advisor\'s office hour in a community' })
export class OfficeHour {
  [OptionalProps]?: 'id' | 'createdAt' | 'placesLeft' | 'booked' | 'status' | 'location' | 'patternId' | 'cancelReason';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) lawyerId!: string;
  @Property({ type: 'uuid', nullable: true }) patternId: string | null = null;
  @Field(() => DateTimeISO, { description: '开始 / Starts at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) startsAt!: Date;
  @Field(() => DateTimeISO, { description: '结束 / Ends at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) endsAt!: Date;
  @Field(() => Int, { description: '名额 / Places' }) @Property({ type: 'int' }) capacity!: number;
  @Field(() => Int, { description: '已预约 / Places booked' }) @Property({ type: 'int' }) booked: number = 0;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Field(() => OfficeHourStatus, { description: '状态 / State' })
  @Enum({ items: () => OfficeHourStatus, type: 'text' }) status: OfficeHourStatus = OfficeHourStatus.SCHEDULED;
  @Field(() => String, { nullable: true, description: '取消原因 / Why it was cancelled' })
  @Property({ type: 'text', nullable: true }) cancelReason: string | null = null;
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();

  @Field(() => Int, { description: '剩余名额 / Places left' })
  get placesLeft(): number {
    return this.status === OfficeHourStatus.SCHEDULED ? this.capacity - this.booked : 0;
  }
}
