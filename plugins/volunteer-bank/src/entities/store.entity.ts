import { DateTimeISO, Entity, Field, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'vb_store' })
@ObjectType({ implements: Node, description: '爱心超市 / Charity store' })
export class CharityStore extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) organizationId!: string | null;

  @Field({ description: '名称 / Name' })
  @Property({ type: 'text' }) name!: string;

  @Field(() => DateTimeISO, { description: '开设时间 / Opened at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
