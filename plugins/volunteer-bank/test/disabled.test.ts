import { createTestGateway, TestGateway } from '@gongzhi/testing';
import { PROGRAM } from '../src/program';
import { gid, grant, ok, registerVolunteer, World, world } from './support';

const rootFields = async (gw: TestGateway) => {
  const d = await ok(gw, `{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }`);
  const names = (t: any) => new Set<string>((t?.fields ?? []).map((f: any) => f.name));
  return { query: names(d.__schema.queryType), mutation: names(d.__schema.mutationType), subscription: names(d.__schema.subscriptionType) };
};

describe('volunteer bank: disabled in a district', () => {
  let w: World;
  let gw: TestGateway;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await world(4);
    gw = w.gw;
    ids.volunteer = await registerVolunteer(gw, w.tree.residents[0].id);
    ids.other = await registerVolunteer(gw, w.tree.residents[1].id);
    ids.transfer = (await grant(gw, ids.volunteer, 100, 'k')).grantPoints.transfer.id;
    const d = await ok(gw, `mutation($c: ID!, $v: ID!, $r: ID!, $s: DateTimeISO!, $e: DateTimeISO!) {
      store: openCharityStore(input: { communityId: $c, name: "店" }) { id }
      team: createVolunteerTeam(input: { communityId: $c, name: "队", leaderId: $v }) { id }
      activity: postVolunteerActivity(input: { communityId: $c, title: "t", category: HEALTH, place: "p", startsAt: $s, endsAt: $e, capacity: 3 }) { id }
      wish: recordMicroWish(input: { residentId: $r, category: OTHER, description: "d", requestedBy: "2099-01-01" }) { id } }`,
    { c: w.community, v: ids.volunteer, r: gid('Resident', w.tree.residents[2].id),
      s: new Date(Date.now() - 7200_000).toISOString(), e: new Date(Date.now() - 3600_000).toISOString() });
    Object.assign(ids, { store: d.store.id, team: d.team.id, activity: d.activity.id, wish: d.wish.id });
    ids.item = (await ok(gw, `mutation($s: ID!) { addStoreItem(input: { storeId: $s, name: "i", pointsPrice: 1, stock: 9 }) { id } }`, { s: ids.store })).addStoreItem.id;
    ids.signUp = (await ok(gw, `mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`,
      { a: ids.activity, v: ids.volunteer })).signUpForActivity.id;
    ids.redemption = (await ok(gw, `mutation($i: ID!, $v: ID!) { redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: 1, idempotencyKey: "r" }) {
      redemption { id } } }`, { i: ids.item, v: ids.volunteer })).redeemStoreItem.redemption.id;
    await gw.disableProgram(w.tree.district.id, PROGRAM);
  });
  afterAll(() => gw?.close());

  const operations = (): Record<string, [string, Record<string, unknown>]> => ({
    volunteers: ['query($s: ID!) { volunteers(scope: $s) { totalCount } }', { s: w.district }],
    volunteerActivities: ['query($s: ID!) { volunteerActivities(scope: $s) { totalCount } }', { s: w.community }],
    microWishes: ['query($s: ID!) { microWishes(scope: $s) { totalCount } }', { s: w.district }],
    charityStores: ['query($s: ID!) { charityStores(scope: $s) { totalCount } }', { s: w.district }],
    districtIssuanceAccount: ['query($s: ID!) { districtIssuanceAccount(district: $s) { id } }', { s: w.district }],
    volunteerLeaderboard: ['query($s: ID!) { volunteerLeaderboard(scope: $s, period: ALL_TIME) { entries { rank } } }', { s: w.district }],
    volunteerBankFigures: ['query($s: ID!) { volunteerBankFigures(scope: $s) { volunteers } }', { s: w.district }],
    registerVolunteer: ['mutation($r: ID!) { registerVolunteer(input: { residentId: $r }) { id } }', { r: gid('Resident', w.tree.residents[3].id) }],
    createVolunteerTeam: ['mutation($c: ID!) { createVolunteerTeam(input: { communityId: $c, name: "x" }) { id } }', { c: w.community }],
    joinVolunteerTeam: ['mutation($t: ID!, $v: ID!) { joinVolunteerTeam(input: { teamId: $t, volunteerId: $v }) { id } }', { t: ids.team, v: ids.other }],
    postVolunteerActivity: [`mutation($c: ID!) { postVolunteerActivity(input: { communityId: $c, title: "t", category: HEALTH, place: "p",
      startsAt: "2030-01-01T08:00:00Z", endsAt: "2030-01-01T10:00:00Z", capacity: 3 }) { id } }`, { c: w.community }],
    signUpForActivity: ['mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }', { a: ids.activity, v: ids.other }],
    withdrawSignUp: ['mutation($s: ID!) { withdrawSignUp(input: { signUpId: $s }) { id } }', { s: ids.signUp }],
    checkInToActivity: ['mutation($s: ID!) { checkInToActivity(input: { signUpId: $s }) { id } }', { s: ids.signUp }],
    checkOutOfActivity: ['mutation($s: ID!) { checkOutOfActivity(input: { signUpId: $s }) { id } }', { s: ids.signUp }],
    verifyServiceHours: ['mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, minutes: 60, reason: "r", idempotencyKey: "v" }) { points } }', { s: ids.signUp }],
    grantPoints: ['mutation($v: ID!) { grantPoints(input: { volunteerId: $v, amount: 5, idempotencyKey: "g2" }) { transfer { id } } }', { v: ids.volunteer }],
    reversePointsTransfer: ['mutation($t: ID!) { reversePointsTransfer(input: { transferId: $t, reason: "r", idempotencyKey: "rv" }) { transfer { id } } }', { t: ids.transfer }],
    transferPointsToFamily: [`mutation($a: ID!, $b: ID!) { transferPointsToFamily(input: { fromVolunteerId: $a, toVolunteerId: $b, amount: 1,
      relation: CHILD, idempotencyKey: "f" }) { transfer { id } } }`, { a: ids.volunteer, b: ids.other }],
    depositServiceHours: ['mutation($v: ID!) { depositServiceHours(input: { volunteerId: $v, minutes: 1, idempotencyKey: "d" }) { transfer { id } } }', { v: ids.volunteer }],
    useBankedHours: ['mutation($v: ID!) { useBankedHours(input: { volunteerId: $v, minutes: 1, purpose: "p", idempotencyKey: "u" }) { transfer { id } } }', { v: ids.volunteer }],
    recordMicroWish: ['mutation($r: ID!) { recordMicroWish(input: { residentId: $r, category: OTHER, description: "d", requestedBy: "2099-01-01" }) { id } }',
      { r: gid('Resident', w.tree.residents[2].id) }],
    claimMicroWish: ['mutation($w: ID!, $v: ID!) { claimMicroWish(input: { wishId: $w, volunteerId: $v }) { id } }', { w: ids.wish, v: ids.volunteer }],
    markMicroWishFulfilled: ['mutation($w: ID!) { markMicroWishFulfilled(input: { wishId: $w }) { id } }', { w: ids.wish }],
    confirmMicroWish: ['mutation($w: ID!) { confirmMicroWish(input: { wishId: $w, idempotencyKey: "c" }) { wish { id } } }', { w: ids.wish }],
    expireMicroWishes: ['mutation($d: ID!) { expireMicroWishes(district: $d) }', { d: w.district }],
    openCharityStore: ['mutation($c: ID!) { openCharityStore(input: { communityId: $c, name: "y" }) { id } }', { c: w.community }],
    addStoreItem: ['mutation($s: ID!) { addStoreItem(input: { storeId: $s, name: "n", pointsPrice: 1, stock: 1 }) { id } }', { s: ids.store }],
    restockStoreItem: ['mutation($i: ID!) { restockStoreItem(input: { itemId: $i, quantity: 1 }) { id } }', { i: ids.item }],
    redeemStoreItem: ['mutation($i: ID!, $v: ID!) { redeemStoreItem(input: { itemId: $i, volunteerId: $v, quantity: 1, idempotencyKey: "r2" }) { transfer { id } } }',
      { i: ids.item, v: ids.volunteer }],
    cancelRedemption: ['mutation($r: ID!) { cancelRedemption(input: { redemptionId: $r, idempotencyKey: "cr" }) { transfer { id } } }', { r: ids.redemption }],
    'Resident.volunteer': ['query($r: ID!) { node(id: $r) { ... on Resident { volunteer { id } } } }', { r: gid('Resident', w.tree.residents[0].id) }],
    'Community.volunteerTeams': ['query($c: ID!) { node(id: $c) { ... on Community { volunteerTeams { id } } } }', { c: w.community }],
  });

  const snapshot = () => gw.sql(`select (select json_agg(a order by a.id) from vb_account a) accounts,
    (select count(*) from vb_transfer) transfers, (select json_agg(s order by s.id) from vb_sign_up s) sign_ups,
    (select json_agg(x order by x.id) from vb_wish x) wishes, (select json_agg(i order by i.id) from vb_store_item i) items,
    (select count(*) from vb_volunteer) volunteers, (select count(*) from vb_team_member) members, (select count(*) from vb_store) stores,
    (select count(*) from vb_activity) activities, (select count(*) from vb_team) teams, (select json_agg(r order by r.id) from vb_redemption r) redemptions`);

  it('every query, mutation and core-type field of the plugin returns PROGRAM_NOT_ENABLED and changes nothing', async () => {
    const before = await snapshot();
    const ops = operations();
    for (const [name, [query, vars]] of Object.entries(ops)) {
      const res = await gw.request(query, vars);
      expect({ name, code: res.errors?.[0]?.extensions?.code }).toEqual({ name, code: 'PROGRAM_NOT_ENABLED' });
    }
    expect(await snapshot()).toEqual(before);

    // The list above covers every root field the plugin adds.
    const bare = await createTestGateway({ plugins: [] });
    try {
      const [mine, core] = [await rootFields(gw), await rootFields(bare)];
      const added = [...mine.query, ...mine.mutation].filter((f) => !core.query.has(f) && !core.mutation.has(f));
      expect(added.sort()).toEqual(Object.keys(ops).filter((k) => !k.includes('.')).sort());
      const subs = [...mine.subscription].filter((f) => !core.subscription.has(f));
      expect(subs.sort()).toEqual(['volunteerActivityFeed', 'volunteerLeaderboardChanged']);
    } finally {
      await bare.close();
    }
  });

  it('subscriptions are refused too', async () => {
    for (const q of [
      'subscription($s: ID!) { volunteerActivityFeed(scope: $s) { kind } }',
      'subscription($s: ID!) { volunteerLeaderboardChanged(scope: $s) { period } }',
    ]) {
      const it = gw.subscribe(q, { s: w.community });
      let code: unknown;
      try {
        const first = await it.next();
        code = (first.value as any)?.errors?.[0]?.extensions?.code;
      } catch (e) {
        code = (Array.isArray(e) ? e[0] : (e as any))?.extensions?.code;
      }
      await it.return?.();
      expect(code).toBe('PROGRAM_NOT_ENABLED');
    }
  });

  it('node(id:) of an object of a district where the program is off: PROGRAM_NOT_ENABLED, no data', async () => {
    const res = await gw.request('query($v: ID!) { node(id: $v) { id } }', { v: ids.volunteer });
    expect(res.data?.node ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('PROGRAM_NOT_ENABLED');
  });
});
