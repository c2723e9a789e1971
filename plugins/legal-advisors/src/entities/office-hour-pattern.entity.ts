import { randomUUID } from 'node:crypto';
import { Entity, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** A community's weekly office hour: the template `generateLegalOfficeHours` makes dated slots from. */
@Entity({ tableName: 'la_office_hour_pattern' })
@ObjectType({ implements: Node, description: '每周坐班安排 / A community\'s weekly office hour' })
export class OfficeHourPattern {
  [OptionalProps]?: 'id' | 'createdAt' | 'location';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Field(() => Int, { description: '星期（1=星期一 … 7=星期日）/ ISO weekday, 1 = Monday … 7 = Sunday' })
  @Property({ type: 'smallint' }) weekday!: number;
  @Field({ description: '开始时间 HH:MM（北京时间）/ Start, HH:MM Beijing time' }) @Property({ type: 'text' }) startTime!: string;
  @Field({ description: '结束时间 HH:MM / End, HH:MM' }) @Property({ type: 'text' }) endTime!: string;
  @Field(() => Int, { description: '每次可预约人数 / Places per office hour' }) @Property({ type: 'int' }) capacity!: number;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
