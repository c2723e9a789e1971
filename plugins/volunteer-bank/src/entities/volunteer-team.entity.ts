import { DateTimeISO, Entity, Field, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'vb_team' })
@ObjectType({ implements: Node, description: '志愿服务队 / Volunteer team' })
export class VolunteerTeam extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) organizationId!: string | null;

  @Field({ description: '队名 / Team name' })
  @Property({ type: 'text' }) name!: string;

  @Property({ type: 'uuid', nullable: true }) leaderVolunteerId!: string | null;

  @Field(() => DateTimeISO, { description: '成立时间 / Created at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
