import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { ActivityCategory, ActivityStatus } from '../graphql/enums.type';

@Entity({ tableName: 'vb_activity' })
@ObjectType({ implements: Node, description: '微行动（志愿服务活动）/ Volunteer activity' })
export class VolunteerActivity extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) organizationId!: string | null;

  @Field({ description: '标题 / Title' })
  @Property({ type: 'text' }) title!: string;

  @Field(() => ActivityCategory, { description: '类别 / Category' })
  @Property({ type: 'text' }) category!: ActivityCategory;

  @Field({ description: '地点 / Place' })
  @Property({ type: 'text' }) place!: string;

  @Field(() => DateTimeISO, { description: '开始时间 / Starts at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) startsAt!: Date;

  @Field(() => DateTimeISO, { description: '结束时间 / Ends at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) endsAt!: Date;

  @Field(() => Int, { description: '名额 / Capacity' })
  @Property({ type: 'integer' }) capacity!: number;

  @Field(() => Int, { description: '已报名人数 / Places taken' })
  @Property({ type: 'integer' }) signedUp!: number;

  @Field(() => ActivityStatus, { description: '状态 / Status' })
  @Property({ type: 'text' }) status!: ActivityStatus;

  @Field(() => DateTimeISO, { description: '发布时间 / Posted at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
