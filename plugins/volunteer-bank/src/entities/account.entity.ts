import { DateTimeISO, Entity, Field, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { AccountKind, LedgerUnit } from '../graphql/enums.type';

/**
 * One side of the double-entry ledger. `balance` is kept on the row, updated in the
 * same transaction as each transfer; issuance accounts may go negative and their
 * balance is derived from transfers (so issuing points never queues on one hot row).
 */
@Entity({ tableName: 'vb_account' })
@ObjectType({ implements: Node, description: '积分账户 / Ledger account' })
export class PointsAccount extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;

  @Field(() => AccountKind, { description: '账户类型 / Kind' })
  @Property({ type: 'text' }) kind!: AccountKind;

  @Field(() => LedgerUnit, { description: '单位 / Unit' })
  @Property({ type: 'text' }) unit!: LedgerUnit;

  @Property({ type: 'uuid', nullable: true }) volunteerId!: string | null;
  @Property({ type: 'uuid', nullable: true }) storeId!: string | null;
  @Property({ type: 'integer' }) balance!: number;

  @Field(() => DateTimeISO, { description: '开户时间 / Opened at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
