import { Entity, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { Meal } from '../graphql/dining-enums.type';

/**
 * Seats booked for one canteen, date and meal. Orders take a seat with a conditional
 * `UPDATE ... SET used = used + 1 WHERE used < capacity`, so capacity holds under concurrency.
 */
@Entity({ tableName: 'ed_meal_slot' })
export class MealSlot {
  @PrimaryKey({ type: 'uuid' }) canteenId!: string;
  @PrimaryKey({ type: 'date' }) date!: string;
  @PrimaryKey({ type: 'text' }) meal!: Meal;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'integer' }) capacity!: number;
  @Property({ type: 'integer' }) used!: number;
}
