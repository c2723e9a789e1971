import { TestGateway, rng as mulberry32 } from '@gongzhi/testing';
import { ledgerViolations, ok, registerVolunteer, World, world } from './support';

const SEED = Number(process.env.VB_PROPERTY_SEED ?? 20261122);
const STEPS = Number(process.env.VB_PROPERTY_STEPS ?? 120);
const EXPECTED_FAILURES = new Set(['INSUFFICIENT_BALANCE', 'OUT_OF_STOCK', 'CONFLICT', 'BAD_USER_INPUT']);

describe(`volunteer bank: ledger invariants under random operations (seed ${SEED})`, () => {
  let w: World;
  let gw: TestGateway;
  beforeAll(async () => {
    w = await world(3);
    gw = w.gw;
  });
  afterAll(() => gw?.close());

  it(`keeps every invariant after each of ${STEPS} steps`, async () => {
    const rnd = mulberry32(SEED);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const volunteers: string[] = [];
    for (const r of w.tree.residents.slice(0, 5)) volunteers.push(await registerVolunteer(gw, r.id));
    const store = (await ok(gw, `mutation($c: ID!) { openCharityStore(input: { communityId: $c, name: "店" }) { id } }`, { c: w.community })).openCharityStore.id;
    const items: string[] = [];
    for (const [price, stock] of [[5, 20], [17, 5], [40, 3]]) {
      items.push((await ok(gw, `mutation($s: ID!, $p: Int!, $n: Int!) { addStoreItem(input: { storeId: $s, name: "i", pointsPrice: $p, stock: $n }) { id } }`,
        { s: store, p: price, n: stock })).addStoreItem.id);
    }
    const transfers: string[] = [];
    const redemptions: string[] = [];
    const sent: [string, Record<string, unknown>][] = [];
    const ops: Record<string, () => [string, Record<string, unknown>]> = {
      grant: () => [`mutation($v: ID!, $a: Int!, $k: String!) { grantPoints(input: { volunteerId: $v, amount: $a, idempotencyKey: $k }) { transfer { id } } }`,
        { v: pick(volunteers), a: int(1, 60) }],
      redeem: () => [`mutation($i: ID!, $v: ID!, $q: Int!, $k: String!) { redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: $q, idempotencyKey: $k }) {
        redemption { id } transfer { id } } }`, { i: pick(items), v: pick(volunteers), q: int(1, 3) }],
      cancel: () => [`mutation($r: ID!, $k: String!) { cancelRedemption(input: { redemptionId: $r, idempotencyKey: $k }) { transfer { id } } }`,
        { r: pick(redemptions) }],
      family: () => [`mutation($a: ID!, $b: ID!, $n: Int!, $k: String!) { transferPointsToFamily(input: { fromVolunteerId: $a, toVolunteerId: $b,
        amount: $n, relation: SIBLING, idempotencyKey: $k }) { transfer { id } } }`, { a: pick(volunteers), b: pick(volunteers), n: int(1, 80) }],
      reverse: () => [`mutation($t: ID!, $k: String!) { reversePointsTransfer(input: { transferId: $t, reason: "更正", idempotencyKey: $k }) { transfer { id } } }`,
        { t: pick(transfers) }],
      replay: () => pick(sent),
    };
    const counts: Record<string, number> = {};
    for (let step = 0; step < STEPS; step++) {
      let name = pick(['grant', 'grant', 'redeem', 'redeem', 'cancel', 'family', 'reverse', 'replay']);
      if ((name === 'cancel' && !redemptions.length) || (name === 'reverse' && !transfers.length) || (name === 'replay' && !sent.length)) name = 'grant';
      const [query, vars] = ops[name]();
      const variables = name === 'replay' ? vars : { ...vars, k: `s${SEED}-${step}` };
      const res = await gw.request(query, variables);
      if (name !== 'replay') sent.push([query, variables]);
      if (res.errors) {
        const code = res.errors[0].extensions?.code;
        if (!EXPECTED_FAILURES.has(code)) throw new Error(`step ${step} ${name}: unexpected ${JSON.stringify(res.errors)}`);
        counts[`${name}:${code}`] = (counts[`${name}:${code}`] ?? 0) + 1;
      } else {
        counts[name] = (counts[name] ?? 0) + 1;
        const payload = Object.values(res.data)[0] as any;
        if (payload.transfer?.id && name !== 'replay') transfers.push(payload.transfer.id);
        if (payload.redemption?.id && name === 'redeem') redemptions.push(payload.redemption.id);
      }
      const problems = await ledgerViolations(gw);
      if (problems.length) throw new Error(`step ${step} (${name}, seed ${SEED}): ${problems.join('; ')}`);
    }
    expect(counts.grant).toBeGreaterThan(0);
    expect(Object.keys(counts).length).toBeGreaterThan(4);
  });
});
