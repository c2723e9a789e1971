import { Entity, Field, Int, Node, ObjectType, Property } from '@gongzhi/plugin-sdk';
import { Meal, Weekday } from '../graphql/dining-enums.type';
import { OperatedSite } from './operated-site.entity';

@Entity({ tableName: 'ed_canteen' })
@ObjectType({ implements: Node, description: '长者食堂 / Elder canteen' })
export class Canteen extends OperatedSite {
  @Property({ type: 'uuid' }) streetId!: string;
  /** Where the canteen is; the communities it serves are in ed_canteen_community. */
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) kitchenId!: string | null;
  @Field(() => Int, { description: '座位数 / Seats' }) @Property({ type: 'integer' }) seats!: number;
  @Field(() => [Weekday], { description: '营业日 / Opening days' })
  @Property({ type: 'string[]', columnType: 'text[]' }) openingDays!: Weekday[];
  @Property({ type: 'integer' }) capacityBreakfast!: number;
  @Property({ type: 'integer' }) capacityLunch!: number;
  @Property({ type: 'integer' }) capacityDinner!: number;
  @Property({ type: 'text' }) cutoffBreakfast!: string;
  @Property({ type: 'text' }) cutoffLunch!: string;
  @Property({ type: 'text' }) cutoffDinner!: string;
}

export function capacityOf(c: Canteen, meal: Meal): number {
  return meal === Meal.BREAKFAST ? c.capacityBreakfast : meal === Meal.LUNCH ? c.capacityLunch : c.capacityDinner;
}

export function cutoffOf(c: Canteen, meal: Meal): string {
  return meal === Meal.BREAKFAST ? c.cutoffBreakfast : meal === Meal.LUNCH ? c.cutoffLunch : c.cutoffDinner;
}
