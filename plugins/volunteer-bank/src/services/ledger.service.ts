import { EntityManager, EventScope, GongzhiError, emit, sqlRow, sqlRows } from '@gongzhi/plugin-sdk';
import { PointsTransfer } from '../entities/transfer.entity';
import { AccountKind, LedgerUnit, TransferKind } from '../graphql/enums.type';
import { PointsCredited, PointsDebited } from '../events';

export interface AccountRef {
  id: string;
  kind: AccountKind;
  /** Set for volunteer accounts: events of the movement name the volunteer. */
  volunteerId?: string | null;
}

export interface MoveSpec {
  districtId: string;
  from: AccountRef;
  to: AccountRef;
  amount: number;
  unit: LedgerUnit;
  kind: TransferKind;
  idempotencyKey: string;
  fingerprint: string;
  reversalOf?: string | null;
  memo?: string | null;
  /** Where it happened, for the points events of volunteer accounts. */
  scope?: EventScope;
}

export class InsufficientBalanceError extends GongzhiError {
  constructor(available?: number) {
    super('INSUFFICIENT_BALANCE', '余额不足 / Insufficient balance', available === undefined ? {} : { available });
  }
}

const issuanceIds = new Map<string, string>();

const INSERT_TRANSFER = `insert into vb_transfer (district_id, from_account_id, to_account_id, amount, unit, kind,
  idempotency_key, fingerprint, reversal_of, memo, from_balance_after, to_balance_after)`;

/**
 * The district's issuance account for a unit, created on first use. Requests run inside
 * one transaction, so only ids read back as already existing are cached (a row this
 * transaction inserted could still roll back); `move` forgets the cache on a foreign-key miss.
 */
export async function issuanceAccount(em: EntityManager, districtId: string, unit: LedgerUnit): Promise<AccountRef> {
  const cacheKey = `${districtId}:${unit}`;
  const cached = issuanceIds.get(cacheKey);
  if (cached) return { id: cached, kind: AccountKind.ISSUANCE };
  const select = `select id from vb_account where district_id = ? and unit = ? and kind = 'ISSUANCE'`;
  const found = await sqlRow<{ id: string }>(em, select, [districtId, unit]);
  if (found) {
    issuanceIds.set(cacheKey, found.id);
    return { id: found.id, kind: AccountKind.ISSUANCE };
  }
  await sqlRows(em, `insert into vb_account (district_id, kind, unit) values (?, 'ISSUANCE', ?)
    on conflict (district_id, unit) where kind = 'ISSUANCE' do nothing`, [districtId, unit]);
  const row = await sqlRow<{ id: string }>(em, select, [districtId, unit]);
  return { id: row!.id, kind: AccountKind.ISSUANCE };
}

/** A cached issuance id whose creating transaction rolled back: forget the cache, fail this once. */
function forgetOnMissingAccount(e: unknown): never {
  if ((e as { code?: string; name?: string })?.code === '23503' || (e as { name?: string })?.name === 'ForeignKeyConstraintViolationException') {
    issuanceIds.clear();
  }
  throw e;
}

/**
 * Posts one transfer inside the caller's transaction. Non-issuance sides move with a
 * conditional UPDATE (never below zero), in account-id order so opposite transfers
 * cannot deadlock; the CHECK constraint is the second wall.
 */
export async function move(tx: EntityManager, spec: MoveSpec): Promise<PointsTransfer> {
  if (!Number.isInteger(spec.amount) || spec.amount <= 0) throw new Error('transfer amount must be a positive integer');
  const sides = [
    { ref: spec.from, delta: -spec.amount },
    { ref: spec.to, delta: spec.amount },
  ].filter((s) => s.ref.kind !== AccountKind.ISSUANCE).sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1));
  const values = [spec.districtId, spec.from.id, spec.to.id, spec.amount, spec.unit, spec.kind, spec.idempotencyKey,
    spec.fingerprint, spec.reversalOf ?? null, spec.memo ?? null];
  let row: Record<string, unknown> | null;
  if (sides.length === 1) {
    // One held side (issuing or returning points): the balance change and the transfer in one statement.
    const [side] = sides;
    const debit = side.delta < 0;
    row = await sqlRow(tx, `with side as (${debit
      ? 'update vb_account set balance = balance - ? where id = ? and balance >= ? returning balance'
      : 'update vb_account set balance = balance + ? where id = ? returning balance'})
      ${INSERT_TRANSFER} select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${debit ? 'side.balance, null' : 'null, side.balance'} from side returning *`,
    [...(debit ? [spec.amount, side.ref.id, spec.amount] : [spec.amount, side.ref.id]), ...values]).catch(forgetOnMissingAccount);
  } else {
    const after = new Map<string, number>();
    for (const side of sides) {
      const r = side.delta < 0
        ? await sqlRow<{ balance: number }>(tx, 'update vb_account set balance = balance - ? where id = ? and balance >= ? returning balance', [spec.amount, side.ref.id, spec.amount])
        : await sqlRow<{ balance: number }>(tx, 'update vb_account set balance = balance + ? where id = ? returning balance', [spec.amount, side.ref.id]);
      if (!r) throw new InsufficientBalanceError();
      after.set(side.ref.id, r.balance);
    }
    row = await sqlRow(tx, `${INSERT_TRANSFER} values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`,
      [...values, after.get(spec.from.id) ?? null, after.get(spec.to.id) ?? null]).catch(forgetOnMissingAccount);
  }
  if (!row) throw new InsufficientBalanceError();
  const transfer = tx.map(PointsTransfer, row);
  if (spec.scope && spec.unit === LedgerUnit.POINTS) {
    for (const [ref, def, balance] of [
      [spec.to, PointsCredited, transfer.toBalanceAfter],
      [spec.from, PointsDebited, transfer.fromBalanceAfter],
    ] as const) {
      if (ref.kind !== AccountKind.VOLUNTEER) continue;
      emit(tx, def, spec.scope, {
        transferId: transfer.id, accountId: ref.id, volunteerId: ref.volunteerId ?? null,
        amount: spec.amount, kind: spec.kind, balanceAfter: balance ?? 0,
      });
    }
  }
  return transfer;
}

export async function findTransferByKey(em: EntityManager, districtId: string, key: string): Promise<PointsTransfer | null> {
  const row = await sqlRow(em, 'select * from vb_transfer where district_id = ? and idempotency_key = ?', [districtId, key]);
  return row ? em.map(PointsTransfer, row) : null;
}

/** A volunteer's points and time-bank accounts. */
export async function volunteerAccounts(em: EntityManager, volunteerId: string): Promise<{ points: AccountRef; time: AccountRef }> {
  const rows = await sqlRows<{ id: string; kind: AccountKind }>(em, 'select id, kind from vb_account where volunteer_id = ?', [volunteerId]);
  const of = (kind: AccountKind) => {
    const r = rows.find((x) => x.kind === kind);
    if (!r) throw new Error(`volunteer ${volunteerId} has no ${kind} account`);
    return { id: r.id, kind, volunteerId };
  };
  return { points: of(AccountKind.VOLUNTEER), time: of(AccountKind.TIME_BANK) };
}

/** Balance as shown: stored for held accounts, derived from transfers for issuance accounts. */
export async function derivedIssuanceBalance(em: EntityManager, accountId: string): Promise<number> {
  const row = await sqlRow<{ b: number }>(em, `select (coalesce((select sum(amount) from vb_transfer where to_account_id = ?), 0)
      - coalesce((select sum(amount) from vb_transfer where from_account_id = ?), 0))::int as b`, [accountId, accountId]);
  return Number(row?.b ?? 0);
}
