import { randomUUID } from 'node:crypto';
import { DateTimeISO, Entity, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** A legal-education session (法治宣传) a lawyer held in a community; `attendance` counts everyone, linked residents or not. */
@Entity({ tableName: 'la_education_session' })
@ObjectType({ implements: Node, description: '法治宣传活动 / A legal-education session in a community' })
export class LegalEducationSession {
  [OptionalProps]?: 'id' | 'createdAt' | 'location';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) lawyerId!: string;
  @Field({ description: '主题 / Topic' }) @Property({ type: 'text' }) topic!: string;
  @Field(() => DateTimeISO, { description: '开始 / Starts at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) startsAt!: Date;
  @Field(() => DateTimeISO, { description: '结束 / Ends at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) endsAt!: Date;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Field(() => Int, { description: '参加人数 / How many attended' }) @Property({ type: 'int' }) attendance!: number;
  @Property({ type: 'uuid' }) recordedByAccountId!: string;
  @Field(() => DateTimeISO, { description: '登记时间 / Recorded at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
