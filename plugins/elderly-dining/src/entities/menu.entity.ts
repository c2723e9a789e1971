import { randomUUID } from 'node:crypto';
import { OptionalProps, DateTimeISO, Entity, Field, LocalDate, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { Meal, MenuStatus } from '../graphql/dining-enums.type';

@Entity({ tableName: 'ed_menu' })
@ObjectType({ implements: Node, description: '某食堂某日某餐的菜单 / Menu of a canteen for one date and meal' })
export class DiningMenu extends Node {
  [OptionalProps]?: 'id' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) override id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) canteenId!: string;
  @Field(() => LocalDate, { description: '日期 / Date' }) @Property({ type: 'date' }) date!: string;
  @Field(() => Meal, { description: '餐次 / Meal' }) @Property({ type: 'text' }) meal!: Meal;
  @Field(() => MenuStatus, { description: '状态 / Status' }) @Property({ type: 'text' }) status!: MenuStatus;
  @Field(() => DateTimeISO, { nullable: true, description: '发布时间 / Published at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeISO, { description: '创建时间 / Created at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
