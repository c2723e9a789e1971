import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'vb_volunteer' })
@ObjectType({ implements: Node, description: '志愿者 / Registered volunteer' })
export class Volunteer extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) residentId!: string;

  @Field({ description: '姓名 / Name' })
  @Property({ type: 'text' }) name!: string;

  @Field(() => [String], { description: '技能 / Skills' })
  @Property({ type: 'array', columnType: 'text[]' }) skills!: string[];

  @Field(() => [String], { description: '服务领域 / Service areas' })
  @Property({ type: 'array', columnType: 'text[]' }) serviceAreas!: string[];

  @Property({ type: 'integer' }) verifiedMinutes!: number;
  @Property({ type: 'integer' }) bankedMinutes!: number;

  @Field(() => Int, { description: '星级（0–5）/ Star level (0–5)' })
  @Property({ type: 'smallint' }) starLevel!: number;

  @Field(() => DateTimeISO, { description: '登记时间 / Registered at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) registeredAt!: Date;
}
