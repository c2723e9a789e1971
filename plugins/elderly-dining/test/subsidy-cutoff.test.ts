import { codeOf, createCanteen, DAY, gid, M, MORNING, ok, placeLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

const orderRow = `query($f: OrderFilter!) { diningOrders(filter: $f) { totalCount nodes { id priceFen subsidyFen payableFen subsidyTier } } }`;

describe('elderly-dining subsidies, enrolment rules and the cutoff', () => {
  let w: DiningWorld;
  const enrolOne = async (careTags: string[], birthDate: string, communityIndex = 0) => {
    const r = await w.gw.seed.resident({ communityId: w.tree.communities[communityIndex].id, birthDate, careTags });
    const residentId = gid('Resident', r.id);
    const data = await ok(w.gw, M.enrol, { input: { residentId, canteenId: w.canteenId } });
    return { residentId, uuid: r.id, enrolment: data.enrolElder };
  };

  beforeAll(async () => {
    w = await setupDining();
  });
  afterAll(async () => {
    await w?.gw.close();
  });
  afterEach(() => w.gw.clock.set(MORNING));

  it('enrolment defaults eligibility from care tags and the birth date; the best tier wins', async () => {
    const a = await enrolOne(['LOW_INCOME', 'LIVING_ALONE'], '1940-01-01');
    expect(a.enrolment).toMatchObject({ age80: true, lowIncome: true, livingAlone: true, extremePoverty: false, disabled: false, subsidyPerMealFen: 500 });
    expect(a.enrolment.subsidyTiers).toEqual(['LOW_INCOME', 'AGE_80', 'LIVING_ALONE']);
    const placed = await ok(w.gw, M.order, { input: { residentId: a.residentId, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } });
    expect(placed.placeDiningOrder).toMatchObject({ priceFen: 1500, subsidyFen: 500, payableFen: 1000, subsidyTier: 'LOW_INCOME', placedBy: 'WORKER' });

    const b = await enrolOne(['EXTREME_POVERTY'], '1950-01-01');
    const cheap = await ok(w.gw, M.order, { input: { residentId: b.residentId, date: DAY, meal: 'LUNCH', mode: 'DINE_IN', dishIds: [w.dishIds[1]] } });
    expect(cheap.placeDiningOrder).toMatchObject({ priceFen: 500, subsidyFen: 500, payableFen: 0, subsidyTier: 'EXTREME_POVERTY' });

    const c = await enrolOne([], '1955-01-01');
    const none = await ok(w.gw, M.order, { input: { residentId: c.residentId, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } });
    expect(none.placeDiningOrder).toMatchObject({ priceFen: 1500, subsidyFen: 0, payableFen: 1500, subsidyTier: null });
  });

  it('changing the tier settings later leaves existing orders unchanged', async () => {
    const before = await ok(w.gw, orderRow, { f: { districtId: w.districtGid, date: DAY } });
    await ok(w.gw, M.settings, { d: w.districtGid, v: { subsidyLowIncome: 100, subsidyAge80: 250, subsidyExtremePoverty: 0 } });
    const after = await ok(w.gw, orderRow, { f: { districtId: w.districtGid, date: DAY } });
    expect(after.diningOrders).toEqual(before.diningOrders);
    const d = await enrolOne(['LOW_INCOME', 'LIVING_ALONE'], '1940-01-01');
    expect(d.enrolment.subsidyPerMealFen).toBe(250);
    const placed = await ok(w.gw, M.order, { input: { residentId: d.residentId, date: DAY, meal: 'LUNCH', mode: 'DINE_IN' } });
    expect(placed.placeDiningOrder).toMatchObject({ subsidyFen: 250, payableFen: 1250, subsidyTier: 'AGE_80' });
  });

  it('orders and cancellations close at the cutoff (09:30 Asia/Shanghai by default)', async () => {
    const e = await enrolOne([], '1950-01-01');
    const f = await enrolOne([], '1950-01-01');
    w.gw.clock.set(new Date('2030-03-04T01:29:59Z'));
    const placed = await placeLunch(w, e.residentId);
    expect(placed.errors).toBeUndefined();
    w.gw.clock.set(new Date('2030-03-04T01:30:00Z'));
    const late = await placeLunch(w, f.residentId);
    expect(codeOf(late)).toBe('CUTOFF_PASSED');
    const cancel = await w.gw.request(M.cancel, { id: placed.data.placeDiningOrder.id });
    expect(codeOf(cancel)).toBe('CUTOFF_PASSED');
    const rows = await w.gw.sql('select status from ed_order where resident_id = any($1::uuid[])', [[e.uuid, f.uuid]]);
    expect(rows).toEqual([{ status: 'PLACED' }]);
  });

  it('rejects bad input with the field path and changes no data', async () => {
    const count = async () => (await w.gw.sql('select (select count(*) from ed_enrolment)::int as e, (select count(*) from ed_order)::int as o, (select count(*) from ed_canteen)::int as c'))[0];
    const start = await count();
    const young = await w.gw.seed.resident({ communityId: w.tree.communities[0].id, birthDate: '1980-01-01' });
    const res = await w.gw.request(M.enrol, { input: { residentId: gid('Resident', young.id), canteenId: w.canteenId } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('input.residentId');

    const g = await enrolOne([], '1950-01-01');
    const twice = await w.gw.request(M.enrol, { input: { residentId: g.residentId, canteenId: w.canteenId } });
    expect(codeOf(twice)).toBe('CONFLICT');
    const noMenu = await placeLunch(w, g.residentId, 'DINE_IN', '2030-03-11');
    expect(codeOf(noMenu)).toBe('BAD_USER_INPUT');
    expect(noMenu.errors![0].extensions!.field).toBe('input.date');
    const badCap = await w.gw.request(M.createCanteen, {
      input: {
        communityId: gid('Community', w.tree.communities[0].id), name: '坏食堂', operatorKind: 'COMPANY', operatorName: '某公司',
        seats: 10, openingDays: ['MONDAY'], capacity: { breakfast: 0, lunch: -1, dinner: 0 }, servedCommunityIds: [gid('Community', w.tree.communities[0].id)],
      },
    });
    expect(codeOf(badCap)).toBe('BAD_USER_INPUT');
    expect(badCap.errors![0].extensions!.field).toBe('input.capacity.lunch');
    const draft = await w.gw.request(M.saveMenu, { input: { canteenId: w.canteenId, date: DAY, meal: 'DINNER', dishes: [{ name: '面条', priceFen: -5 }] } });
    expect(draft.errors![0].extensions!.field).toBe('input.dishes.0.priceFen');
    expect(await count()).toEqual({ ...start, e: start.e + 1 });
  });

  it('only residents of communities the canteen serves can enrol there', async () => {
    const org = await w.gw.seed.organization({ districtId: w.tree.district.id });
    const narrow = await createCanteen(w.gw, { ...w.tree, communities: [w.tree.communities[0]] }, org.id, 10, '一社区食堂');
    const r = await w.gw.seed.resident({ communityId: w.tree.communities[1].id, birthDate: '1950-01-01' });
    const res = await w.gw.request(M.enrol, { input: { residentId: gid('Resident', r.id), canteenId: narrow } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('input.canteenId');
  });
});
