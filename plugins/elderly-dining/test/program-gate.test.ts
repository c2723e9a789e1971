import { codeOf, DAY, enrolElders, gid, M, ok, placeLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

describe('elderly-dining is gated per district', () => {
  let w: DiningWorld;
  let elder: string;
  let order: string;

  beforeAll(async () => {
    w = await setupDining();
    [elder] = await enrolElders(w, 1);
    order = (await placeLunch(w, elder, 'DELIVERY')).data.placeDiningOrder.id;
  });
  afterAll(async () => {
    await w?.gw.close();
  });

  it('Community.canteens is batched: one list of communities costs the same SQL whatever its length', async () => {
    const q = `query($d: ID!, $n: Int) { communities(filter: { within: $d }, first: $n) { nodes { id canteens { id name } } } }`;
    const one = await w.gw.request(q, { d: w.districtGid, n: 1 });
    const all = await w.gw.request(q, { d: w.districtGid, n: 10 });
    expect(all.errors).toBeUndefined();
    expect(all.data.communities.nodes).toHaveLength(w.tree.communities.length);
    for (const c of all.data.communities.nodes) expect(c.canteens.map((x: { id: string }) => x.id)).toEqual([w.canteenId]);
    expect(all.sqlCount).toBe(one.sqlCount);
  });

  it('node(id:) and Resident.diningEnrolment reach the program\'s objects', async () => {
    const q = `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`;
    const [enrolment] = await w.gw.sql('select id from ed_enrolment limit 1');
    const ids = [w.canteenId, w.menuId, order, gid('DiningEnrolment', enrolment.id)];
    const res = await ok(w.gw, q, { ids });
    expect(res.nodes).toEqual([
      { id: w.canteenId, __typename: 'Canteen' }, { id: w.menuId, __typename: 'DiningMenu' },
      { id: order, __typename: 'DiningOrder' }, { id: ids[3], __typename: 'DiningEnrolment' },
    ]);
    const r = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Resident { diningEnrolment { id canteen { id } } } } }`, { id: elder });
    expect(r.node.diningEnrolment).toEqual({ id: ids[3], canteen: { id: w.canteenId } });
    const t = await ok(w.gw, `{ base: __type(name: "DiningOperatedSite") { name } canteen: __type(name: "Canteen") { interfaces { name } } }`);
    expect(t).toEqual({ base: null, canteen: { interfaces: [{ name: 'Node' }] } });
  });

  it('every field returns PROGRAM_NOT_ENABLED once the district turns the program off, and nothing changes', async () => {
    const snapshot = () => w.gw.sql(`select (select count(*) from ed_canteen)::int c, (select count(*) from ed_menu)::int m,
      (select count(*) from ed_enrolment)::int e, (select count(*) from ed_order)::int o, (select string_agg(status, ',') from ed_order) s,
      (select count(*) from outbox_event)::int ev, (select count(*) from ed_central_kitchen)::int k`);
    await w.gw.disableProgram(w.tree.district.id, 'elderly-dining');
    const before = await snapshot();
    const d = w.districtGid;
    const community = gid('Community', w.tree.communities[0].id);
    const other = await w.gw.seed.resident({ communityId: w.tree.communities[0].id, birthDate: '1940-01-01' });
    const ops: [string, Record<string, unknown>][] = [
      [`query($d: ID!) { canteens(filter: { districtId: $d }) { totalCount } }`, { d }],
      [`query($d: ID!) { centralKitchens(districtId: $d) { totalCount } }`, { d }],
      [`query($d: ID!) { diningEnrolments(filter: { districtId: $d }) { totalCount } }`, { d }],
      [`query($d: ID!) { diningOrders(filter: { districtId: $d }) { totalCount } }`, { d }],
      [`query($d: ID!) { diningDailyCounts(districtId: $d, date: "${DAY}") { ordered } }`, { d }],
      [`query($d: ID!) { diningSubsidySettlement(districtId: $d, month: "2030-03") { meals } }`, { d }],
      [`query($d: ID!) { diningSubsidySettlementCsv(districtId: $d, month: "2030-03") }`, { d }],
      [`query($d: ID!) { communities(filter: { within: $d }) { nodes { canteens { id } } } }`, { d }],
      [`query($id: ID!) { node(id: $id) { id } }`, { id: w.canteenId }],
      [`query($id: ID!) { node(id: $id) { id } }`, { id: order }],
      [`mutation($d: ID!) { createCentralKitchen(input: { districtId: $d, name: "厨房", operatorKind: COMPANY, operatorName: "某公司" }) { id } }`, { d }],
      [M.createCanteen, { input: { communityId: community, name: 'x', operatorKind: 'COMPANY', operatorName: 'x', seats: 1, openingDays: ['MONDAY'], capacity: { breakfast: 0, lunch: 1, dinner: 0 }, servedCommunityIds: [community] } }],
      [`mutation($id: ID!) { updateCanteen(input: { id: $id, seats: 3 }) { id } }`, { id: w.canteenId }],
      [M.saveMenu, { input: { canteenId: w.canteenId, date: '2030-03-05', meal: 'LUNCH', dishes: [{ name: '面', priceFen: 100 }] } }],
      [M.publishMenu, { id: w.menuId }],
      [M.enrol, { input: { residentId: gid('Resident', other.id), canteenId: w.canteenId } }],
      [`mutation($id: ID!) { withdrawDiningEnrolment(id: $id) { id } }`, { id: gid('DiningEnrolment', (await w.gw.sql('select id from ed_enrolment limit 1'))[0].id) }],
      [M.order, { input: { residentId: elder, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } }],
      [M.cancel, { id: order }],
      [`mutation($id: ID!) { assignDeliverer(input: { orderId: $id, kind: STAFF, name: "王" }) { id } }`, { id: order }],
      [`mutation($id: ID!) { markOutForDelivery(id: $id) { id } }`, { id: order }],
      [`mutation($id: ID!) { confirmDelivery(input: { orderId: $id }) { id } }`, { id: order }],
      [`mutation($id: ID!) { reportDeliveryFailed(input: { orderId: $id, reason: OTHER }) { id } }`, { id: order }],
      [`mutation($id: ID!) { markDiningOrderServed(id: $id) { id } }`, { id: order }],
      [`query($id: ID!) { node(id: $id) { ... on Resident { diningEnrolment { id } } } }`, { id: elder }],
    ];
    for (const [query, vars] of ops) {
      const res = await w.gw.request(query, vars);
      expect([query.slice(0, 60), codeOf(res)]).toEqual([query.slice(0, 60), 'PROGRAM_NOT_ENABLED']);
    }
    expect(await snapshot()).toEqual(before);
    await w.gw.enableProgram(w.tree.district.id, 'elderly-dining');
    const back = await w.gw.request(`query($d: ID!) { canteens(filter: { districtId: $d }) { totalCount } }`, { d });
    expect(back.data.canteens.totalCount).toBe(1);
  });
});
