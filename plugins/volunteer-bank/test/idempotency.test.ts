import { TestGateway } from '@gongzhi/testing';
import { balanceOf, gid, grant, ledgerViolations, ok, registerVolunteer, World, world } from './support';

/** Runs `mutation` three times with the same variables (once, then twice at once) and returns the responses. */
async function thrice(gw: TestGateway, mutation: string, vars: Record<string, unknown>) {
  const first = await gw.request(mutation, vars);
  const rest = await Promise.all([gw.request(mutation, vars), gw.request(mutation, vars)]);
  return [first, ...rest];
}

const transferCount = async (gw: TestGateway) => (await gw.sql('select count(*)::int n from vb_transfer'))[0].n as number;

describe('volunteer bank: every value-moving mutation is idempotent', () => {
  let w: World;
  let gw: TestGateway;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    w = await world();
    gw = w.gw;
    alice = await registerVolunteer(gw, w.tree.residents[0].id);
    bob = await registerVolunteer(gw, w.tree.residents[1].id);
    await grant(gw, alice, 500, 'setup-alice');
  });
  afterAll(() => gw?.close());

  async function expectOnce(mutation: string, vars: Record<string, unknown>, movements = 1) {
    const before = await transferCount(gw);
    const responses = await thrice(gw, mutation, vars);
    for (const r of responses) expect(r.errors).toBeUndefined();
    expect(responses[1].data).toEqual(responses[0].data);
    expect(responses[2].data).toEqual(responses[0].data);
    expect(await transferCount(gw)).toBe(before + movements);
    expect(await ledgerViolations(gw)).toEqual([]);
    return responses[0].data;
  }

  it('grantPoints; a different amount under the same key is a CONFLICT', async () => {
    const m = `mutation($v: ID!, $a: Int!) { grantPoints(input: { volunteerId: $v, amount: $a, idempotencyKey: "grant-x" }) {
      transfer { id amount kind toBalanceAfter createdAt } } }`;
    await expectOnce(m, { v: bob, a: 25 });
    expect(await balanceOf(gw, bob)).toBe(25);
    const clash = await gw.request(m, { v: bob, a: 26 });
    expect(clash.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await balanceOf(gw, bob)).toBe(25);
  });

  it('transferPointsToFamily', async () => {
    await expectOnce(`mutation($a: ID!, $b: ID!) { transferPointsToFamily(input: { fromVolunteerId: $a, toVolunteerId: $b, amount: 40,
      relation: SPOUSE, idempotencyKey: "fam-1" }) { transfer { id amount fromBalanceAfter toBalanceAfter memo } } }`, { a: alice, b: bob });
    expect(await balanceOf(gw, alice)).toBe(460);
  });

  it('redeemStoreItem and cancelRedemption', async () => {
    const store = await ok(gw, `mutation($c: ID!) { openCharityStore(input: { communityId: $c, name: "超市" }) { id } }`, { c: w.community });
    const item = await ok(gw, `mutation($s: ID!) { addStoreItem(input: { storeId: $s, name: "油", pointsPrice: 50, stock: 10 }) { id } }`,
      { s: store.openCharityStore.id });
    const d = await expectOnce(`mutation($i: ID!, $v: ID!) { redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: 2, idempotencyKey: "red-1" }) {
      redemption { id points quantity createdAt } transfer { id amount fromBalanceAfter } } }`, { i: item.addStoreItem.id, v: alice });
    const [stock] = await gw.sql('select stock from vb_store_item where id = $1', [Buffer.from(item.addStoreItem.id, 'base64url').toString().split(':')[1]]);
    expect(stock.stock).toBe(8);
    await expectOnce(`mutation($r: ID!) { cancelRedemption(input: { redemptionId: $r, idempotencyKey: "cancel-1" }) {
      redemption { id status } transfer { id amount toBalanceAfter } } }`, { r: d.redeemStoreItem.redemption.id });
    expect(await balanceOf(gw, alice)).toBe(460);
  });

  it('reversePointsTransfer', async () => {
    const g = await grant(gw, bob, 7, 'to-rev');
    await expectOnce(`mutation($t: ID!) { reversePointsTransfer(input: { transferId: $t, reason: "重复发放", idempotencyKey: "rev-x" }) {
      transfer { id amount kind } } }`, { t: g.grantPoints.transfer.id });
  });

  it('verifyServiceHours and depositServiceHours', async () => {
    const act = await ok(gw, `mutation($c: ID!, $s: DateTimeISO!, $e: DateTimeISO!) { postVolunteerActivity(input: { communityId: $c,
      title: "助老服务", category: ELDERLY_CHILD_CARE, place: "活动室", startsAt: $s, endsAt: $e, capacity: 5 }) { id } }`,
    { c: w.community, s: new Date(Date.now() - 3 * 3600_000).toISOString(), e: new Date(Date.now() - 3600_000).toISOString() });
    const su = await ok(gw, `mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`,
      { a: act.postVolunteerActivity.id, v: bob });
    const s = su.signUpForActivity.id;
    await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkInToActivity(input: { signUpId: $s, at: $t }) { status } }`,
      { s, t: new Date(Date.now() - 3 * 3600_000).toISOString() });
    await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkOutOfActivity(input: { signUpId: $s, at: $t }) { status } }`,
      { s, t: new Date(Date.now() - 3600_000).toISOString() });
    const d = await expectOnce(`mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, idempotencyKey: "verify-1" }) {
      minutes points signUp { status verifiedMinutes } transfer { id amount } } }`, { s });
    expect(d.verifyServiceHours).toMatchObject({ minutes: 120, points: 20, signUp: { status: 'VERIFIED' } });
    await expectOnce(`mutation($v: ID!) { depositServiceHours(input: { volunteerId: $v, minutes: 60, idempotencyKey: "bank-1" }) {
      transfer { id amount unit toBalanceAfter } } }`, { v: bob });
    const over = await gw.request(`mutation($v: ID!) { depositServiceHours(input: { volunteerId: $v, minutes: 61, idempotencyKey: "bank-2" }) {
      transfer { id } } }`, { v: bob });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });
    // later, care is received: banked minutes are spent once, never below zero
    const used = await expectOnce(`mutation($v: ID!) { useBankedHours(input: { volunteerId: $v, minutes: 45, purpose: "上门助浴", idempotencyKey: "use-1" }) {
      transfer { id amount unit kind fromBalanceAfter } } }`, { v: bob });
    expect(used.useBankedHours.transfer).toMatchObject({ amount: 45, unit: 'MINUTES', kind: 'HOURS_WITHDRAWAL', fromBalanceAfter: 15 });
    const overdraw = await gw.request(`mutation($v: ID!) { useBankedHours(input: { volunteerId: $v, minutes: 16, purpose: "助餐", idempotencyKey: "use-2" }) {
      transfer { id } } }`, { v: bob });
    expect(overdraw.errors?.[0].extensions?.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('confirmMicroWish', async () => {
    const wish = await ok(gw, `mutation($r: ID!, $d: LocalDate!) { recordMicroWish(input: { residentId: $r, category: DAILY_NEEDS,
      description: "一台收音机", requestedBy: $d }) { id status } }`, { r: gid('Resident', w.tree.residents[5].id), d: '2099-01-01' });
    await ok(gw, `mutation($w: ID!, $v: ID!) { claimMicroWish(input: { wishId: $w, volunteerId: $v }) { status } }`, { w: wish.recordMicroWish.id, v: alice });
    const d = await expectOnce(`mutation($w: ID!) { confirmMicroWish(input: { wishId: $w, idempotencyKey: "wish-1" }) {
      wish { id status } transfer { id amount } } }`, { w: wish.recordMicroWish.id });
    expect(d.confirmMicroWish).toMatchObject({ wish: { status: 'CONFIRMED' }, transfer: { amount: 20 } });
  });
});
