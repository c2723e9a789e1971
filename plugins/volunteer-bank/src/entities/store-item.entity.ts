import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'vb_store_item' })
@ObjectType({ implements: Node, description: '爱心超市商品 / Charity-store item' })
export class StoreItem extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) storeId!: string;

  @Field({ description: '名称 / Name' })
  @Property({ type: 'text' }) name!: string;

  @Field(() => Int, { description: '积分价格 / Price in points' })
  @Property({ type: 'integer' }) pointsPrice!: number;

  @Field(() => Int, { description: '库存 / Stock' })
  @Property({ type: 'integer' }) stock!: number;

  @Field(() => DateTimeISO, { description: '上架时间 / Listed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
