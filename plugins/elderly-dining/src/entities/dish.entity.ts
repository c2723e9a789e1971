import { randomUUID } from 'node:crypto';
import { OptionalProps, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { DietTag } from '../graphql/dining-enums.type';

@Entity({ tableName: 'ed_dish' })
@ObjectType({ implements: Node, description: '菜品 / Dish on a menu' })
export class DiningDish extends Node {
  [OptionalProps]?: 'id';
  @PrimaryKey({ type: 'uuid' }) override id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) menuId!: string;
  @Property({ type: 'integer' }) position!: number;
  @Field({ description: '菜名 / Name' }) @Property({ type: 'text' }) name!: string;
  @Field(() => Int, { description: '价格（分）/ Price in fen' }) @Property({ type: 'integer' }) priceFen!: number;
  @Field(() => [DietTag], { description: '膳食标签 / Diet tags' })
  @Property({ type: 'string[]', columnType: 'text[]' }) dietTags!: DietTag[];
}
