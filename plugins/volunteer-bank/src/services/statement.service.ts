import { ConnectionValue, EntityManager, decodeCursor, encodeCursor, pageSize, toConnection, sqlRow, sqlRows } from '@gongzhi/plugin-sdk';
import { PointsAccount } from '../entities/account.entity';
import { PointsTransfer } from '../entities/transfer.entity';
import { AccountKind } from '../graphql/enums.type';

export interface StatementLine {
  transfer: PointsTransfer;
  change: number;
  balanceAfter: number;
}

/**
 * Newest first, keyset on the transfer sequence. Held accounts carry the balance
 * after each transfer on the transfer itself; issuance accounts use a running sum.
 */
export async function statement(em: EntityManager, account: PointsAccount, first?: number | null, after?: string | null): Promise<ConnectionValue<StatementLine>> {
  const size = pageSize(first);
  const before = after ? String(decodeCursor(after, 1)[0]) : null;
  const issuance = account.kind === AccountKind.ISSUANCE;
  const rows = size === 0 ? [] : await sqlRows<Record<string, unknown> & { change: number; balance_after: number; seq: string }>(em, `
    with entries as (
      select t.*, case when t.to_account_id = ? then t.amount else -t.amount end as change,
        ${issuance
          ? 'sum(case when t.to_account_id = ? then t.amount else -t.amount end) over (order by t.seq)'
          : 'case when t.to_account_id = ? then t.to_balance_after else t.from_balance_after end'} as balance_after
      from vb_transfer t where t.from_account_id = ? or t.to_account_id = ?)
    select * from entries where (?::bigint is null or seq < ?::bigint) order by seq desc limit ?`,
  [account.id, account.id, account.id, account.id, before, before, size + 1]);
  const hasNext = rows.length > size;
  const page = rows.slice(0, size).map((r) => {
    const { change, balance_after, ...t } = r;
    return { transfer: em.map(PointsTransfer, t), change: Number(change), balanceAfter: Number(balance_after) };
  });
  return toConnection(page, (l) => encodeCursor([l.transfer.seq]), hasNext, !!after, async () => {
    const c = await sqlRow<{ n: number }>(em, 'select count(*)::int n from vb_transfer where from_account_id = ? or to_account_id = ?', [account.id, account.id]);
    return c!.n;
  });
}
