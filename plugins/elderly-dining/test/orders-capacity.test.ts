import { codeOf, DAY, enrolElders, gid, inBatches, M, ok, placeLunch, publishLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(180_000);

describe('elderly-dining orders: capacity and one order per meal', () => {
  let w: DiningWorld;
  let elders: string[];

  beforeAll(async () => {
    w = await setupDining({ lunchCapacity: 200 });
    elders = await enrolElders(w, 300);
  });
  afterAll(async () => {
    await w?.gw.close();
  });

  it('300 concurrent orders against a capacity of 200: exactly 200 succeed, the rest CAPACITY_REACHED', async () => {
    const results = await Promise.all(elders.map((r) => placeLunch(w, r)));
    const okCount = results.filter((r) => !r.errors && r.data?.placeDiningOrder?.status === 'PLACED').length;
    const codes = results.filter((r) => r.errors).map(codeOf);
    expect(okCount).toBe(200);
    expect(codes).toHaveLength(100);
    expect(new Set(codes)).toEqual(new Set(['CAPACITY_REACHED']));
    const [{ n }] = await w.gw.sql(`select count(*)::int as n from ed_order where date = $1 and meal = 'LUNCH' and status <> 'CANCELLED'`, [DAY]);
    expect(n).toBe(200);
    const [slot] = await w.gw.sql(`select used, capacity from ed_meal_slot where date = $1 and meal = 'LUNCH'`, [DAY]);
    expect(slot).toEqual({ used: 200, capacity: 200 });
    const events = await w.gw.sql(`select name, count(*)::int as n from outbox_event where program = 'elderly-dining' group by name order by name`);
    expect(events).toEqual([{ name: 'dining.capacity-reached', n: 1 }, { name: 'dining.order-placed', n: 200 }]);
  });

  it('cancellation releases capacity for the next elder', async () => {
    const booked = await w.gw.sql(`select id from ed_order where status = 'PLACED' order by created_at limit 1`);
    const orderGid = gid('DiningOrder', booked[0].id);
    const waiting = await w.gw.sql(
      `select r.id from resident r join ed_enrolment e on e.resident_id = r.id
       where not exists (select 1 from ed_order o where o.resident_id = r.id) limit 1`);
    const waitingGid = gid('Resident', waiting[0].id);
    expect(codeOf(await placeLunch(w, waitingGid))).toBe('CAPACITY_REACHED');
    const cancelled = await ok(w.gw, M.cancel, { id: orderGid });
    expect(cancelled.cancelDiningOrder.status).toBe('CANCELLED');
    expect(codeOf(await w.gw.request(M.cancel, { id: orderGid }))).toBe('CONFLICT');
    const again = await placeLunch(w, waitingGid);
    expect(again.errors).toBeUndefined();
    const [slot] = await w.gw.sql(`select used from ed_meal_slot where date = $1 and meal = 'LUNCH'`, [DAY]);
    expect(slot.used).toBe(200);
  });

  it('the same elder ordering the same meal twice concurrently gets one order', async () => {
    const other = '2030-03-05';
    await publishLunch(w.gw, w.canteenId, other);
    const elder = elders[0];
    const results = await Promise.all([placeLunch(w, elder, 'DINE_IN', other), placeLunch(w, elder, 'DELIVERY', other)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT']);
    const rows = await w.gw.sql(`select count(*)::int as n from ed_order o join resident r on r.id = o.resident_id where o.date = $1`, [other]);
    expect(rows[0].n).toBe(1);
    const [slot] = await w.gw.sql(`select used from ed_meal_slot where date = $1 and meal = 'LUNCH'`, [other]);
    expect(slot.used).toBe(1);
  });

  it('many elders racing for the last seats of a fresh meal never overbook', async () => {
    const date = '2030-03-06';
    await publishLunch(w.gw, w.canteenId, date);
    await ok(w.gw, `mutation($input: UpdateCanteenInput!) { updateCanteen(input: $input) { id } }`, {
      input: { id: w.canteenId, capacity: { breakfast: 0, lunch: 7, dinner: 50 } },
    });
    const results = await inBatches(elders.slice(0, 40), 40, (r) => placeLunch(w, r, 'DINE_IN', date));
    expect(results.filter((r) => !r.errors)).toHaveLength(7);
  });
});
