import { randomUUID } from 'node:crypto';
import { OptionalProps, DateTimeISO, Entity, Field, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { DietTag, EnrolmentStatus } from '../graphql/dining-enums.type';

@Entity({ tableName: 'ed_enrolment' })
@ObjectType({ implements: Node, description: '老人助餐登记 / An elder enrolled at a canteen' })
export class DiningEnrolment extends Node {
  [OptionalProps]?: 'id' | 'enrolledAt' | 'withdrawnAt';
  @PrimaryKey({ type: 'uuid' }) override id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) canteenId!: string;
  @Property({ type: 'uuid' }) residentId!: string;
  @Field(() => EnrolmentStatus, { description: '状态 / Status' }) @Property({ type: 'text' }) status!: EnrolmentStatus;
  @Field(() => [DietTag], { description: '饮食禁忌/要求 / Dietary restrictions' })
  @Property({ type: 'string[]', columnType: 'text[]' }) dietaryRestrictions!: DietTag[];
  @Field(() => String, { nullable: true, description: '送餐地址 / Delivery address' })
  @Property({ type: 'text', nullable: true }) deliveryAddress!: string | null;
  @Field({ description: '80岁以上 / Aged 80+' }) @Property({ type: 'boolean' }) age80!: boolean;
  @Field({ description: '低保 / Low income' }) @Property({ type: 'boolean' }) lowIncome!: boolean;
  @Field({ description: '特困 / Extreme poverty' }) @Property({ type: 'boolean' }) extremePoverty!: boolean;
  @Field({ description: '残疾 / Disabled' }) @Property({ type: 'boolean' }) disabled!: boolean;
  @Field({ description: '独居 / Living alone' }) @Property({ type: 'boolean' }) livingAlone!: boolean;
  @Field(() => DateTimeISO, { description: '登记时间 / Enrolled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) enrolledAt: Date = new Date();
  @Field(() => DateTimeISO, { nullable: true, description: '退出时间 / Withdrawn at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) withdrawnAt: Date | null = null;
}
