import { createTestGateway, installedPlugins, type TestGateway } from '@gongzhi/testing';
import { batteryCalls, footprint, roleTokens } from './battery';

/**
 * Every root query field, with arguments made from the district's own ids, as every role
 * (core and plugin roles) granted in that district: whatever the answer (data, FORBIDDEN,
 * NOT_FOUND…), never INTERNAL_SERVER_ERROR.
 */
const plugins = installedPlugins();
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({ plugins, config: { logLevel: (process.env.LOG_LEVEL as never) ?? "error", rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
});
afterAll(() => gw?.close());

test('every root query field as every role of the district: no INTERNAL_SERVER_ERROR', async () => {
  const t = await gw.seed.tree({ divisionCode: '370102', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 4 });
  const org = await gw.seed.organization({ districtId: t.district.id, communityIds: [t.communities[0].id] });
  for (const p of plugins) {
    await gw.enableProgram(t.district.id, p.name);
    await gw.em().transactional((em) => p.seed!({ em, districtId: t.district.id, clock: gw.clock }));
  }
  const tokens = await roleTokens(gw, t, org.id);
  expect(Object.keys(tokens).length).toBeGreaterThanOrEqual(8);
  const own = await footprint(gw, t.district.id);
  const calls = batteryCalls(gw.gateway.schema, own).filter((c) => c.name.startsWith('query '));
  expect(calls.length).toBe(Object.keys(gw.gateway.schema.getQueryType()!.getFields()).length);
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  for (const [role, token] of Object.entries(tokens)) {
    for (const call of calls) {
      const res = await gw.request(call.query, call.variables, { token });
      for (const e of res.errors ?? []) {
        const code = e.extensions?.code ?? 'NONE';
        if (code === 'INTERNAL_SERVER_ERROR' || res.status >= 500) failures.push(`${role} · ${call.name}: ${e.message}`);
      }
      const code = res.errors?.[0]?.extensions?.code ?? 'OK';
      outcomes[code] = (outcomes[code] ?? 0) + 1;
    }
  }
  process.stdout.write(`every root field: ${calls.length} query fields × ${Object.keys(tokens).length} roles, outcomes ${JSON.stringify(outcomes)}\n`);
  expect(failures).toEqual([]);
  expect(outcomes.OK).toBeGreaterThan(calls.length); // most roles read something
}, 240_000);
