import { codeOf, createCanteen, DAY, gid, M, ok, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

describe('elderly-dining access: operator, community worker, elder', () => {
  let w: DiningWorld;
  let otherCanteen: string;
  let operator: string;
  let worker: string;
  const as = (token: string | null, query: string, variables?: Record<string, unknown>) => w.gw.request(query, variables, { token });
  const resident = async (communityIndex: number) => {
    const r = await w.gw.seed.resident({ communityId: w.tree.communities[communityIndex].id, birthDate: '1944-02-02', careTags: ['LIVING_ALONE'] });
    return { uuid: r.id, gid: gid('Resident', r.id) };
  };

  beforeAll(async () => {
    w = await setupDining();
    const [{ org }] = await w.gw.sql('select operator_organization_id as org from ed_canteen');
    const org2 = await w.gw.seed.organization({ districtId: w.tree.district.id });
    otherCanteen = await createCanteen(w.gw, w.tree, org2.id, 50, '第二长者食堂');
    const districtId = w.tree.district.id;
    operator = (await w.gw.account({ role: 'elderly-dining:canteen-operator', level: 'ORGANIZATION', districtId, scopeId: org })).token;
    worker = (await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId, scopeId: w.tree.communities[0].id })).token;
  });
  afterAll(async () => {
    await w?.gw.close();
  });

  it('a community worker enrols and orders for elders of their community only', async () => {
    const mine = await resident(0);
    const theirs = await resident(1);
    const enrolled = await as(worker, M.enrol, { input: { residentId: mine.gid, canteenId: w.canteenId, deliveryAddress: '和平里5号' } });
    expect(enrolled.errors).toBeUndefined();
    expect(codeOf(await as(worker, M.enrol, { input: { residentId: theirs.gid, canteenId: w.canteenId } }))).toBe('FORBIDDEN');
    const placed = await as(worker, M.order, { input: { residentId: mine.gid, date: DAY, meal: 'LUNCH', mode: 'DELIVERY' } });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeDiningOrder.placedBy).toBe('WORKER');
    const c0 = gid('Community', w.tree.communities[0].id);
    const canteenInput = { communityId: c0, name: 'x', operatorKind: 'COMPANY', operatorName: 'x', seats: 1, openingDays: ['MONDAY'], capacity: { breakfast: 0, lunch: 1, dinner: 0 }, servedCommunityIds: [c0] };
    expect(codeOf(await as(worker, M.createCanteen, { input: canteenInput }))).toBe('FORBIDDEN');
    await ok(w.gw, M.enrol, { input: { residentId: theirs.gid, canteenId: w.canteenId } });
    await ok(w.gw, M.order, { input: { residentId: theirs.gid, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } });
    const seen = await as(worker, `query($d: ID!) { diningOrders(filter: { districtId: $d }) { totalCount nodes { elder { id } } } }`, { d: w.districtGid });
    expect(seen.data.diningOrders.nodes).toEqual([{ elder: { id: mine.gid } }]);
    expect(codeOf(await as(null, `query($d: ID!) { canteens(filter: { districtId: $d }) { totalCount } }`, { d: w.districtGid }))).toBe('UNAUTHENTICATED');
  });

  it('an elder orders for themselves, not for others', async () => {
    const me = await resident(0);
    const neighbour = await resident(0);
    for (const r of [me, neighbour]) await ok(w.gw, M.enrol, { input: { residentId: r.gid, canteenId: w.canteenId } });
    const elder = (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: w.tree.communities[0].id, residentId: me.uuid })).token;
    const own = await as(elder, M.order, { input: { residentId: me.gid, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } });
    expect(own.data.placeDiningOrder).toMatchObject({ placedBy: 'ELDER', subsidyFen: 300, payableFen: 1200 });
    expect(codeOf(await as(elder, M.order, { input: { residentId: neighbour.gid, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } }))).toBe('FORBIDDEN');
    const mine = await as(elder, `query($d: ID!, $r: ID!) { diningOrders(filter: { districtId: $d, residentId: $r }) { totalCount } }`, { d: w.districtGid, r: me.gid });
    expect(mine.data.diningOrders.totalCount).toBe(1);
    expect(codeOf(await as(elder, M.cancel, { id: own.data.placeDiningOrder.id }))).toBeUndefined();
  });

  it('the canteen-operator role covers only the canteens its organisation runs', async () => {
    const menu = (canteenId: string) => ({ input: { canteenId, date: '2030-03-05', meal: 'LUNCH', dishes: [{ name: '饺子', priceFen: 800 }] } });
    expect((await as(operator, M.saveMenu, menu(w.canteenId))).errors).toBeUndefined();
    expect(codeOf(await as(operator, M.saveMenu, menu(otherCanteen)))).toBe('FORBIDDEN');
    const order = (await w.gw.sql(`select id from ed_order where mode = 'DINE_IN' and status = 'PLACED' limit 1`))[0];
    const served = await as(operator, `mutation($id: ID!) { markDiningOrderServed(id: $id) { status } }`, { id: gid('DiningOrder', order.id) });
    expect(served.data?.markDiningOrderServed.status).toBe('SERVED');
    const r = await resident(0);
    expect(codeOf(await as(operator, M.enrol, { input: { residentId: r.gid, canteenId: w.canteenId } }))).toBe('FORBIDDEN');
    const list = await as(operator, `query($d: ID!) { canteens(filter: { districtId: $d }) { nodes { id } } }`, { d: w.districtGid });
    expect(list.data.canteens.nodes).toEqual([{ id: w.canteenId }]);
    const report = await as(operator, `query($d: ID!, $c: ID) { diningDailyCounts(districtId: $d, date: "${DAY}", canteenId: $c) { ordered } }`, { d: w.districtGid, c: otherCanteen });
    expect(codeOf(report)).toBe('FORBIDDEN');
  });
});
