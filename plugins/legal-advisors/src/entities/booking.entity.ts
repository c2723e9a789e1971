import { randomUUID } from 'node:crypto';
import { DateTimeISO, Entity, Enum, Field, ID, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { LegalBookingStatus, LegalCategory } from '../graphql/legal-enums.type';

/**
 * A resident's place in an office hour, booked by themselves or by a community worker on
 * their behalf (`onBehalf`). Only the category is kept: the matter itself is confidential.
 */
@Entity({ tableName: 'la_booking' })
@ObjectType({ implements: Node, description: '坐班预约 / A resident\'s booking of an office hour' })
export class LegalBooking {
  [OptionalProps]?: 'id' | 'createdAt' | 'status' | 'cancelledAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) officeHourId!: string;
  @Property({ type: 'uuid' }) residentId!: string;
  @Field(() => LegalCategory, { description: '事务类别 / Category' })
  @Enum({ items: () => LegalCategory, type: 'text' }) category!: LegalCategory;
  @Field(() => LegalBookingStatus, { description: '状态 / State' })
  @Enum({ items: () => LegalBookingStatus, type: 'text' }) status: LegalBookingStatus = LegalBookingStatus.BOOKED;
  @Property({ type: 'uuid' }) bookedByAccountId!: string;
  @Field({ description: '是否由工作人员代约 / Booked by a worker on the resident\'s behalf' }) @Property({ type: 'boolean' }) onBehalf!: boolean;
  @Field(() => DateTimeISO, { description: '预约时间 / Booked at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field(() => DateTimeISO, { nullable: true, description: '取消时间 / Cancelled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) cancelledAt: Date | null = null;
}
