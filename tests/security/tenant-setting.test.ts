import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * Many concurrent requests from different districts over a pool of 3 connections: inside
 * each request's transaction the tenant setting is the caller's, and the role is the
 * non-owner app role. Set per transaction, it cannot leak to the next user of a connection.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({ config: { dbPoolMax: 3, rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
});
afterAll(() => gw?.close());

test('300 concurrent requests from 6 districts: every transaction sees exactly its caller', async () => {
  const districts = [];
  for (let i = 0; i < 6; i++) districts.push(await gw.seed.tree({ divisionCode: `3302${10 + i}`, streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 }));
  const callers = await Promise.all(districts.map((d) => gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: d.district.id })));
  const results = await Promise.all(Array.from({ length: 300 }, async (_, i) => {
    const k = i % callers.length;
    const res = await gw.request(`{ sessionScope { tenantSetting databaseRole } districts { nodes { id } } }`, {}, { token: callers[k].token });
    return { k, res };
  }));
  let mismatches = 0;
  for (const { k, res } of results) {
    expect(res.errors).toBeUndefined();
    const expected = districts[k].district.id;
    if (res.data.sessionScope.tenantSetting !== expected || res.data.districts.nodes.length !== 1 || res.data.districts.nodes[0].id !== gw.gid('District', expected)) mismatches++;
    expect(res.data.sessionScope.databaseRole).toBe('gongzhi_app');
  }
  expect(mismatches).toBe(0);
  // and outside a request nothing is left on the pooled connections
  const [outside] = await gw.em().execute(`select coalesce(current_setting('gongzhi.districts', true), '') as t, current_user as r`);
  expect(outside.t).toBe('');
  expect(outside.r).not.toBe('gongzhi_app');
});
