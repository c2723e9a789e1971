import { Connection, Field, Int, ObjectType } from '@gongzhi/plugin-sdk';
import { PointsTransfer } from '../entities/transfer.entity';

@ObjectType({ description: '对账单条目 / Account statement line' })
export class StatementLine {
  @Field(() => PointsTransfer) transfer!: PointsTransfer;
  @Field(() => Int, { description: '本账户变动（入正出负）/ Change for this account (+in, −out)' }) change!: number;
  @Field(() => Int, { description: '变动后余额 / Balance after this line' }) balanceAfter!: number;
}

export const StatementConnection = Connection(StatementLine, 'AccountStatement');
