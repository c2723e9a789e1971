import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Field, Int, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** One line of an application's budget: whole quantities of an integer price in fen. */
@Entity({ tableName: 'vg_budget_line' })
@ObjectType('VentureBudgetLine', { description: '预算明细 / A line of an application\'s budget' })
export class VentureBudgetLine {
  [OptionalProps]?: 'id';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) applicationId!: string;
  @Property({ type: 'int' }) position!: number;
  @Field({ description: '支出项目 / Item' }) @Property({ type: 'text' }) item!: string;
  @Field(() => Int, { description: '单价（分）/ Unit price in fen' }) @Property({ type: new BigIntType('number') }) unitPriceFen!: number;
  @Field(() => Int, { description: '数量 / Quantity' }) @Property({ type: 'int' }) quantity!: number;

  /** The database computes the same (`amount_fen`, summed into the application's total). */
  @Field(() => Int, { description: '金额（分）/ Amount in fen' })
  get amountFen(): number {
    return this.unitPriceFen * this.quantity;
  }
}
