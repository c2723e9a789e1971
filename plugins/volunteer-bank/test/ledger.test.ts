import { TestGateway } from '@gongzhi/testing';
import { balanceOf, grant, ledgerViolations, ok, registerVolunteer, World, world } from './support';

describe('volunteer bank: ledger and redemption', () => {
  let w: World;
  let gw: TestGateway;
  beforeAll(async () => {
    w = await world();
    gw = w.gw;
  });
  afterAll(() => gw?.close());

  it('grants points and shows a statement with running balance', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[0].id);
    await grant(gw, v, 30, 'g-1');
    await grant(gw, v, 12, 'g-2');
    const d = await ok(gw, `query($v: ID!) { node(id: $v) { ... on Volunteer { name pointsAccount { balance
      statement(first: 10) { totalCount nodes { change balanceAfter transfer { kind amount } } } } } } }`, { v });
    const acct = d.node.pointsAccount;
    expect(acct.balance).toBe(42);
    expect(acct.statement.totalCount).toBe(2);
    expect(acct.statement.nodes.map((n: any) => [n.change, n.balanceAfter])).toEqual([[12, 42], [30, 30]]);
    expect(await ledgerViolations(gw)).toEqual([]);
  });

  it('500 concurrent redemptions against a balance covering 100: exactly 100 succeed', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[1].id);
    await grant(gw, v, 1000, 'fund-500');
    const store = await ok(gw, `mutation($c: ID!) { openCharityStore(input: { communityId: $c, name: "爱心超市" }) { id } }`, { c: w.community });
    const item = await ok(gw, `mutation($s: ID!) { addStoreItem(input: { storeId: $s, name: "大米", pointsPrice: 10, stock: 1000 }) { id } }`,
      { s: store.openCharityStore.id });
    const itemId = item.addStoreItem.id;
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => gw.request(`mutation($i: ID!, $v: ID!, $k: String!) {
      redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: 1, idempotencyKey: $k }) { redemption { id points } } }`,
    { i: itemId, v, k: `r-${i}` })));
    const okCount = results.filter((r) => !r.errors).length;
    const codes = new Set(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code));
    expect(okCount).toBe(100);
    expect([...codes]).toEqual(['INSUFFICIENT_BALANCE']);
    expect(await balanceOf(gw, v)).toBe(0);
    const [stock] = await gw.sql('select stock from vb_store_item');
    expect(stock.stock).toBe(900);
    const [redemptions] = await gw.sql(`select count(*)::int n from vb_redemption`);
    expect(redemptions.n).toBe(100);
    expect(await ledgerViolations(gw)).toEqual([]);
  });

  it('balance never below zero: the CHECK constraint is the second wall', async () => {
    await expect(gw.sql(`update vb_account set balance = -1 where kind = 'VOLUNTEER'`)).rejects.toThrow(/vb_account_balance_nonnegative/);
  });

  it('transfers are immutable; a correction is a reversing transfer', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[2].id);
    const g = await grant(gw, v, 50, 'to-reverse');
    await expect(gw.sql(`update vb_transfer set amount = 1`)).rejects.toThrow(/immutable/);
    const rev = (k: string) => gw.request(`mutation($t: ID!, $k: String!) {
      reversePointsTransfer(input: { transferId: $t, reason: "录入错误", idempotencyKey: $k }) { transfer { kind amount fromBalanceAfter reversalOf { id } } } }`,
    { t: g.grantPoints.transfer.id, k });
    const r = await rev('rev-1');
    expect(r.errors).toBeUndefined();
    expect(r.data.reversePointsTransfer.transfer).toMatchObject({ kind: 'REVERSAL', amount: 50, fromBalanceAfter: 0, reversalOf: { id: g.grantPoints.transfer.id } });
    const again = await rev('rev-2');
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await balanceOf(gw, v)).toBe(0);
    expect(await ledgerViolations(gw)).toEqual([]);
  });

  it('bad input names the field and changes nothing', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[3].id);
    const before = await gw.sql('select count(*)::int n from vb_transfer');
    const r = await gw.request(`mutation($v: ID!) { grantPoints(input: { volunteerId: $v, amount: -5, idempotencyKey: "bad" }) { transfer { id } } }`, { v });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await gw.sql('select count(*)::int n from vb_transfer')).toEqual(before);
  });

  it('cancellation within the window refunds points and stock', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[4].id);
    await grant(gw, v, 100, 'fund-cancel');
    const store = await ok(gw, `mutation($c: ID!) { openCharityStore(input: { communityId: $c, name: "慈善超市" }) { id } }`, { c: w.community });
    const item = await ok(gw, `mutation($s: ID!) { addStoreItem(input: { storeId: $s, name: "毛巾", pointsPrice: 30, stock: 5 }) { id } }`, { s: store.openCharityStore.id });
    const red = await ok(gw, `mutation($i: ID!, $v: ID!) { redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: 2, idempotencyKey: "c-r" }) {
      redemption { id points status item { stock } } } }`, { i: item.addStoreItem.id, v });
    expect(red.redeemStoreItem.redemption).toMatchObject({ points: 60, status: 'REDEEMED', item: { stock: 3 } });
    expect(await balanceOf(gw, v)).toBe(40);
    const c = await ok(gw, `mutation($r: ID!) { cancelRedemption(input: { redemptionId: $r, idempotencyKey: "c-c" }) {
      redemption { status item { stock } refundTransfer { amount } } } }`, { r: red.redeemStoreItem.redemption.id });
    expect(c.cancelRedemption.redemption).toMatchObject({ status: 'CANCELLED', item: { stock: 5 }, refundTransfer: { amount: 60 } });
    expect(await balanceOf(gw, v)).toBe(100);
    expect(await ledgerViolations(gw)).toEqual([]);
  });
});
