import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { LedgerUnit, TransferKind } from '../graphql/enums.type';

/** An immutable movement between two accounts; corrections are reversing transfers. */
@Entity({ tableName: 'vb_transfer' })
@ObjectType({ implements: Node, description: '积分转账（不可修改）/ Immutable ledger transfer' })
export class PointsTransfer extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'bigint', persist: false }) seq!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) fromAccountId!: string;
  @Property({ type: 'uuid' }) toAccountId!: string;

  @Field(() => Int, { description: '数量（>0）/ Amount (> 0)' })
  @Property({ type: 'integer' }) amount!: number;

  @Field(() => LedgerUnit, { description: '单位 / Unit' })
  @Property({ type: 'text' }) unit!: LedgerUnit;

  @Field(() => TransferKind, { description: '类型 / Kind' })
  @Property({ type: 'text' }) kind!: TransferKind;

  @Field({ description: '幂等键 / Idempotency key' })
  @Property({ type: 'text' }) idempotencyKey!: string;

  @Property({ type: 'text' }) fingerprint!: string;
  @Property({ type: 'uuid', nullable: true }) reversalOf!: string | null;

  @Field(() => String, { nullable: true, description: '备注 / Memo' })
  @Property({ type: 'text', nullable: true }) memo!: string | null;

  @Property({ type: 'integer', nullable: true }) fromBalanceAfter!: number | null;
  @Property({ type: 'integer', nullable: true }) toBalanceAfter!: number | null;

  @Field(() => DateTimeISO, { description: '记账时间 / Posted at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}
