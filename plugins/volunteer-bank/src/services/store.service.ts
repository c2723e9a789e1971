import { ConflictError, GongzhiContext, GongzhiError, badInput, communityScope, loadFresh, requireAt, sqlRow } from '@gongzhi/plugin-sdk';
import { Redemption } from '../entities/redemption.entity';
import { CharityStore } from '../entities/store.entity';
import { StoreItem } from '../entities/store-item.entity';
import { PointsTransfer } from '../entities/transfer.entity';
import { AccountKind, LedgerUnit, RedemptionStatus, TransferKind } from '../graphql/enums.type';
import { perms } from '../permissions';
import { settings } from '../settings';
import { fingerprintOf } from './fingerprint';
import { checkKey, idempotent } from './idempotency.service';
import { AccountRef, move } from './ledger.service';
import { volunteerScope, volunteerWithAccounts } from './volunteer.service';

export interface RedemptionResult {
  redemption: Redemption;
  transfer: PointsTransfer;
}

export class OutOfStockError extends GongzhiError {
  constructor() {
    super('OUT_OF_STOCK', '库存不足 / Out of stock');
  }
}

export async function openStore(ctx: GongzhiContext, communityId: string, organizationId: string | null, name: string): Promise<CharityStore> {
  const scope = await communityScope(ctx, communityId);
  await requireAt(ctx, perms['store:manage'], scope);
  const clean = name.trim();
  if (!clean || clean.length > 100) throw badInput('input.name', 'must be 1 to 100 characters');
  if (organizationId) {
    const org = await ctx.core.socialOrganization(organizationId);
    if (!org || org.districtId !== scope.districtId) throw badInput('input.organizationId', 'is not an organisation of this district');
  }
  return ctx.em.transactional(async (tx) => {
    const row = await sqlRow(tx, `insert into vb_store (district_id, street_id, community_id, organization_id, name)
      values (?, ?, ?, ?, ?) returning *`, [scope.districtId, scope.streetId, scope.communityId, organizationId, clean]);
    await sqlRow(tx, `insert into vb_account (district_id, kind, unit, store_id) values (?, 'STORE', 'POINTS', ?) returning id`, [scope.districtId, row!.id]);
    return tx.map(CharityStore, row!);
  });
}

export async function addItem(ctx: GongzhiContext, storeId: string, name: string, pointsPrice: number, stock: number): Promise<StoreItem> {
  const store = await loadFresh(ctx, CharityStore, storeId);
  await requireAt(ctx, perms['store:manage'], store);
  const clean = name.trim();
  if (!clean || clean.length > 100) throw badInput('input.name', 'must be 1 to 100 characters');
  if (!Number.isInteger(pointsPrice) || pointsPrice < 1 || pointsPrice > 1_000_000) throw badInput('input.pointsPrice', 'must be between 1 and 1000000');
  if (!Number.isInteger(stock) || stock < 0 || stock > 1_000_000) throw badInput('input.stock', 'must be between 0 and 1000000');
  const row = await sqlRow(ctx.em, 'insert into vb_store_item (district_id, store_id, name, points_price, stock) values (?, ?, ?, ?, ?) returning *',
    [store.districtId, storeId, clean, pointsPrice, stock]);
  return ctx.em.map(StoreItem, row!);
}

export async function restock(ctx: GongzhiContext, itemId: string, quantity: number): Promise<StoreItem> {
  const item = await loadFresh(ctx, StoreItem, itemId);
  const store = await loadFresh(ctx, CharityStore, item.storeId);
  await requireAt(ctx, perms['store:manage'], store);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) throw badInput('input.quantity', 'must be between 1 and 1000000');
  const row = await sqlRow(ctx.em, 'update vb_store_item set stock = stock + ? where id = ? returning *', [quantity, itemId]);
  return ctx.em.map(StoreItem, row!);
}

async function storeAccount(ctx: GongzhiContext, storeId: string): Promise<AccountRef> {
  const row = await sqlRow<{ id: string }>(ctx.em, 'select id from vb_account where store_id = ?', [storeId]);
  return { id: row!.id, kind: AccountKind.STORE };
}

const redemptionOfTransfer = async (ctx: GongzhiContext, t: PointsTransfer, column: 'transfer_id' | 'refund_transfer_id'): Promise<RedemptionResult> => {
  const row = await sqlRow(ctx.em, `select * from vb_redemption where ${column} = ?`, [t.id]);
  return { redemption: ctx.em.map(Redemption, row!), transfer: t };
};

/** Debits points and stock together: stock first (conditional), then the ledger; either fails → neither moves. */
export async function redeem(ctx: GongzhiContext, itemId: string, volunteerId: string, quantity: number, key: string): Promise<RedemptionResult> {
  checkKey(key);
  const { volunteer, points, existing } = await volunteerWithAccounts(ctx, volunteerId, perms['store:redeem'], key);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) throw badInput('input.quantity', 'must be between 1 and 100');
  const item = await loadFresh(ctx, StoreItem, itemId);
  if (item.districtId !== volunteer.districtId) throw badInput('input.itemId', 'is not an item of this district');
  const store = await storeAccount(ctx, item.storeId);
  const fingerprint = fingerprintOf('redeem', { itemId, volunteerId, quantity });
  return idempotent(ctx.em, {
    districtId: volunteer.districtId, key, fingerprint, known: existing,
    replay: (t) => redemptionOfTransfer(ctx, t, 'transfer_id'),
    run: async (tx) => {
      const taken = await sqlRow<{ points_price: number }>(tx, 'update vb_store_item set stock = stock - ? where id = ? and stock >= ? returning points_price',
        [quantity, itemId, quantity]);
      if (!taken) throw new OutOfStockError();
      const cost = taken.points_price * quantity;
      const transfer = await move(tx, {
        districtId: volunteer.districtId, from: points, to: store, amount: cost, unit: LedgerUnit.POINTS,
        kind: TransferKind.REDEMPTION, idempotencyKey: key, fingerprint, memo: item.name, scope: volunteerScope(volunteer),
      });
      const row = await sqlRow(tx, `insert into vb_redemption (district_id, store_id, item_id, volunteer_id, quantity, points, transfer_id)
        values (?, ?, ?, ?, ?, ?, ?) returning *`, [volunteer.districtId, item.storeId, itemId, volunteerId, quantity, cost, transfer.id]);
      return { redemption: tx.map(Redemption, row!), transfer };
    },
  });
}

/** Within the district's window: stock back, points back (a refund transfer), status CANCELLED. */
export async function cancelRedemption(ctx: GongzhiContext, redemptionId: string, key: string): Promise<RedemptionResult> {
  const r = await loadFresh(ctx, Redemption, redemptionId);
  checkKey(key);
  const { volunteer, points, existing } = await volunteerWithAccounts(ctx, r.volunteerId, perms['store:redeem'], key);
  const { redemptionCancelWindowHours } = await ctx.settings.get(settings, r.districtId);
  const store = await storeAccount(ctx, r.storeId);
  const fingerprint = fingerprintOf('cancelRedemption', { redemptionId });
  return idempotent(ctx.em, {
    districtId: r.districtId, key, fingerprint, known: existing,
    replay: (t) => redemptionOfTransfer(ctx, t, 'refund_transfer_id'),
    run: async (tx) => {
      const locked = await sqlRow<{ status: string; open: boolean }>(tx, `select status, created_at > now() - make_interval(hours => ?) as open
        from vb_redemption where id = ? for update`, [redemptionCancelWindowHours, redemptionId]);
      if (locked!.status !== RedemptionStatus.REDEEMED) throw new ConflictError('兑换已撤销 / Already cancelled');
      if (!locked!.open) throw new ConflictError(`已超过 ${redemptionCancelWindowHours} 小时撤销时限 / The cancellation window has passed`);
      await sqlRow(tx, 'update vb_store_item set stock = stock + ? where id = ? returning id', [r.quantity, r.itemId]);
      const transfer = await move(tx, {
        districtId: r.districtId, from: store, to: points, amount: r.points, unit: LedgerUnit.POINTS,
        kind: TransferKind.REDEMPTION_REFUND, idempotencyKey: key, fingerprint, scope: volunteerScope(volunteer),
      });
      const row = await sqlRow(tx, `update vb_redemption set status = 'CANCELLED', cancelled_at = now(), refund_transfer_id = ?
        where id = ? returning *`, [transfer.id, redemptionId]);
      return { redemption: tx.map(Redemption, row!), transfer };
    },
  });
}
