import { codeOf, DAY, enrolElders, gid, ok, placeLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

const ASSIGN = `mutation($input: AssignDelivererInput!) { assignDeliverer(input: $input) { id delivererKind delivererName delivererResident { id } } }`;
const OUT = `mutation($id: ID!) { markOutForDelivery(id: $id) { id status } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id status deliveredAt } }`;
const FAIL = `mutation($input: ReportDeliveryFailedInput!) { reportDeliveryFailed(input: $input) { id status failureReason } }`;
const SERVE = `mutation($id: ID!) { markDiningOrderServed(id: $id) { id status servedAt } }`;

describe('elderly-dining delivery, events and reports', () => {
  let w: DiningWorld;
  let orders: string[];
  let elderUuids: string[];
  let volunteer: { id: string; name: string };

  beforeAll(async () => {
    w = await setupDining();
    const elders = await enrolElders(w, 5, ['LIVING_ALONE', 'LOW_INCOME'], '1940-01-01');
    elderUuids = elders.map((g) => Buffer.from(g, 'base64url').toString().split(':')[1]);
    orders = [];
    for (const [i, e] of elders.entries()) {
      const res = await placeLunch(w, e, i < 4 ? 'DELIVERY' : 'DINE_IN');
      orders.push(res.data.placeDiningOrder.id);
    }
    volunteer = await w.gw.seed.resident({ communityId: w.tree.communities[0].id, birthDate: '1990-01-01', name: '志愿者小李' });
  });
  afterAll(async () => {
    await w?.gw.close();
  });

  it('delivered by a volunteer: meal.delivered is written once with the contract payload', async () => {
    const assigned = await ok(w.gw, ASSIGN, { input: { orderId: orders[0], kind: 'VOLUNTEER', residentId: gid('Resident', volunteer.id) } });
    expect(assigned.assignDeliverer).toMatchObject({ delivererKind: 'VOLUNTEER', delivererName: '志愿者小李', delivererResident: { id: gid('Resident', volunteer.id) } });
    expect((await ok(w.gw, OUT, { id: orders[0] })).markOutForDelivery.status).toBe('OUT_FOR_DELIVERY');
    const at = '2030-03-04T04:05:00.000Z';
    w.gw.clock.set(new Date('2030-03-04T04:10:00Z'));
    const done = await ok(w.gw, CONFIRM, { input: { orderId: orders[0], deliveredAt: at } });
    expect(done.confirmDelivery).toMatchObject({ status: 'DELIVERED', deliveredAt: at });
    expect(codeOf(await w.gw.request(CONFIRM, { input: { orderId: orders[0] } }))).toBe('CONFLICT');
    const events = await w.gw.sql(`select program, district_id, payload from outbox_event where name = 'meal.delivered'`);
    expect(events).toHaveLength(1);
    const [orderUuid] = Buffer.from(orders[0], 'base64url').toString().split(':').slice(1);
    const canteenUuid = Buffer.from(w.canteenId, 'base64url').toString().split(':')[1];
    expect(events[0].program).toBe('elderly-dining');
    expect(events[0].district_id).toBe(w.tree.district.id);
    expect(events[0].payload).toEqual({
      orderId: orderUuid, canteenId: canteenUuid, elderResidentId: elderUuids[0], date: DAY, meal: 'LUNCH', deliveredAt: at,
      deliverer: { kind: 'VOLUNTEER', residentId: volunteer.id, name: '志愿者小李' },
    });
  });

  it('concurrent confirmations of one delivery emit one event', async () => {
    await ok(w.gw, ASSIGN, { input: { orderId: orders[1], kind: 'STAFF', name: '王师傅' } });
    await ok(w.gw, OUT, { id: orders[1] });
    const results = await Promise.all([1, 2, 3].map(() => w.gw.request(CONFIRM, { input: { orderId: orders[1] } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const [{ n }] = await w.gw.sql(`select count(*)::int as n from outbox_event where name = 'meal.delivered'`);
    expect(n).toBe(2);
    const [staff] = await w.gw.sql(`select payload from outbox_event where name = 'meal.delivered' order by id desc limit 1`);
    expect(staff.payload.deliverer).toEqual({ kind: 'STAFF', residentId: null, name: '王师傅' });
  });

  it('a failed delivery alerts the community through dining.delivery-failed', async () => {
    expect(codeOf(await w.gw.request(OUT, { id: orders[2] }))).toBe('BAD_USER_INPUT');
    await ok(w.gw, ASSIGN, { input: { orderId: orders[2], kind: 'STAFF', name: '王师傅' } });
    await ok(w.gw, OUT, { id: orders[2] });
    const failed = await ok(w.gw, FAIL, { input: { orderId: orders[2], reason: 'NOT_AT_HOME', note: '敲门无人应答' } });
    expect(failed.reportDeliveryFailed).toMatchObject({ status: 'DELIVERY_FAILED', failureReason: 'NOT_AT_HOME' });
    const [ev] = await w.gw.sql(`select community_id, payload from outbox_event where name = 'dining.delivery-failed'`);
    expect(ev.community_id).toBe(w.tree.communities[2 % w.tree.communities.length].id);
    expect(ev.payload).toMatchObject({ reason: 'NOT_AT_HOME', note: '敲门无人应答', livingAlone: true, elderResidentId: elderUuids[2] });
    expect((await ok(w.gw, SERVE, { id: orders[4] })).markDiningOrderServed.status).toBe('SERVED');
    expect(codeOf(await w.gw.request(SERVE, { id: orders[3] }))).toBe('BAD_USER_INPUT');
  });

  it('daily counts per canteen and meal come from SQL', async () => {
    const data = await ok(w.gw, `query($d: ID!) { diningDailyCounts(districtId: $d, date: "${DAY}") { canteen { id } meal ordered served delivered failed cancelled } }`, { d: w.districtGid });
    expect(data.diningDailyCounts).toEqual([{ canteen: { id: w.canteenId }, meal: 'LUNCH', ordered: 5, served: 1, delivered: 2, failed: 1, cancelled: 0 }]);
  });

  it('settlement totals equal the sum over orders; CSV export matches', async () => {
    const data = await ok(w.gw, `query($d: ID!) { diningSubsidySettlement(districtId: $d, month: "2030-03") {
      month meals subsidyFen districtLines { tier subsidyPerMealFen meals subsidyFen priceFen payableFen }
      canteens { canteen { id } meals subsidyFen lines { tier meals subsidyFen } } } }`, { d: w.districtGid });
    const s = data.diningSubsidySettlement;
    const [sum] = await w.gw.sql(`select count(*)::int as meals, sum(subsidy_fen)::int as subsidy from ed_order
      where date >= '2030-03-01' and date < '2030-04-01' and status not in ('CANCELLED', 'DELIVERY_FAILED')`);
    expect(s.meals).toBe(sum.meals);
    expect(s.subsidyFen).toBe(sum.subsidy);
    expect(s.meals).toBe(4);
    expect(s.districtLines).toEqual([{ tier: 'LOW_INCOME', subsidyPerMealFen: 500, meals: 4, subsidyFen: 2000, priceFen: 6000, payableFen: 4000 }]);
    expect(s.canteens).toEqual([{ canteen: { id: w.canteenId }, meals: 4, subsidyFen: 2000, lines: [{ tier: 'LOW_INCOME', meals: 4, subsidyFen: 2000 }] }]);
    const csv = (await ok(w.gw, `query($d: ID!) { diningSubsidySettlementCsv(districtId: $d, month: "2030-03") }`, { d: w.districtGid })).diningSubsidySettlementCsv;
    expect(csv.split('\n')).toEqual([
      'month,canteen,tier,subsidy_per_meal_fen,meals,subsidy_fen,subsidy_yuan,price_fen,payable_fen',
      '2030-03,幸福长者食堂,LOW_INCOME,500,4,2000,20.00,6000,4000',
      '2030-03,ALL,LOW_INCOME,500,4,2000,20.00,6000,4000',
      '',
    ]);
    expect(codeOf(await w.gw.request(`query($d: ID!) { diningSubsidySettlement(districtId: $d, month: "2030-13") { meals } }`, { d: w.districtGid }))).toBe('BAD_USER_INPUT');
  });
});
