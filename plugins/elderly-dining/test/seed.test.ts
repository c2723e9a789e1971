import { TestClock, createTestGateway, type TestGateway } from '@gongzhi/testing';
import plugin from '../src/plugin';
import { gid, MORNING, ok } from './dining-fixture';

jest.setTimeout(120_000);

describe('elderly-dining demo seed', () => {
  let gw: TestGateway;
  afterAll(async () => {
    await gw?.close();
  });

  it('creates a kitchen, canteens, a week of menus, enrolled elders and orders, and is idempotent', async () => {
    gw = await createTestGateway({ plugins: [plugin], clock: new TestClock(MORNING) });
    const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 3, residentsPerCommunity: 2 });
    await gw.seed.organization({ districtId: tree.district.id, communityIds: tree.communities.map((c) => c.id) });
    for (const c of tree.communities) {
      for (let i = 0; i < 4; i++) await gw.seed.resident({ communityId: c.id, birthDate: '1942-03-01', careTags: i % 2 ? ['LIVING_ALONE'] : ['LOW_INCOME'] });
    }
    const counts = () => gw.sql(`select (select count(*) from ed_central_kitchen)::int k, (select count(*) from ed_canteen)::int c,
      (select count(*) from ed_menu where status = 'PUBLISHED')::int m, (select count(*) from ed_enrolment)::int e,
      (select count(*) from ed_order)::int o, (select coalesce(sum(used), 0)::int from ed_meal_slot) u`);
    const seedOnce = () => gw.em().transactional((em) => plugin.seed!({ em, districtId: tree.district.id, clock: gw.clock }));
    await seedOnce();
    const first = await counts();
    expect(first[0]).toMatchObject({ k: 1, c: 6, m: 6 * 14 });
    expect(first[0].e).toBeGreaterThanOrEqual(24);
    expect(first[0].o).toBeGreaterThan(0);
    expect(first[0].u).toBe(first[0].o);
    await seedOnce();
    expect(await counts()).toEqual(first);

    await gw.enableProgram(tree.district.id, 'elderly-dining');
    const data = await ok(gw, `query($d: ID!) { canteens(filter: { districtId: $d }, first: 2) { totalCount nodes { name kitchen { name } capacity(date: "2030-03-05") { meal used capacity } } } }`,
      { d: gid('District', tree.district.id) });
    expect(data.canteens.totalCount).toBe(6);
    expect(data.canteens.nodes[0].capacity.find((m: { meal: string }) => m.meal === 'LUNCH').used).toBeGreaterThan(0);
  });
});
