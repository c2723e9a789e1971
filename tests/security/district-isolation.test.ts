import { createTestGateway, installedPlugins, type TestGateway } from '@gongzhi/testing';
import fixture from '@gongzhi/fixture-plugin';
import { batteryCalls, footprint, type DistrictFootprint } from './battery';

/**
 * The attacker's side: a district admin, a community worker and a resident of district A
 * call every query and mutation of the schema with district B's ids. Nothing of B may come
 * back and nothing of B may change — with the service checks on, and with them off
 * (row-level security alone).
 */
const plugins = [fixture, ...installedPlugins()];

async function seedTwoDistricts(gw: TestGateway) {
  const a = await gw.seed.tree({ divisionCode: '330102', streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 4 });
  const b = await gw.seed.tree({ divisionCode: '330103', streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 4 });
  for (const t of [a, b]) {
    await gw.seed.organization({ districtId: t.district.id, communityIds: [t.communities[0].id] });
    for (const p of plugins) {
      await gw.enableProgram(t.district.id, p.name);
      // each program's own demo data, so B has canteens, orders, volunteers, wishes, ledgers…
      if (p.seed) await gw.em().transactional((em) => p.seed!({ em, districtId: t.district.id, clock: gw.clock }));
    }
  }
  // B has plugin data too: a note written by B's own admin
  const bAdmin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: b.district.id });
  const note = await gw.request(`mutation($c: ID!) { fixtureAddNote(communityId: $c, text: "B secret") { id } }`, { c: gw.gid('Community', b.communities[0].id) }, { token: bAdmin.token });
  expect(note.errors).toBeUndefined();
  await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: b.district.id, scopeId: b.communities[0].id });
  return { a, b };
}

async function attackers(gw: TestGateway, a: Awaited<ReturnType<typeof seedTwoDistricts>>['a']) {
  const community = a.communities[0];
  return {
    'district admin': (await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id })).token,
    'community worker': (await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: community.id })).token,
    resident: (await gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: a.district.id, scopeId: community.id, residentId: a.residents[0].id })).token,
  };
}

function leaks(body: string, foreign: DistrictFootprint, sent: string): string[] {
  const sentIds = new Set(sent.match(/[A-Za-z0-9_-]{20,}/g) ?? []);
  const found: string[] = [];
  for (const u of foreign.uuids) if (body.includes(u)) found.push(u);
  for (const ids of foreign.byType.values()) for (const g of ids) if (body.includes(g) && !sentIds.has(g)) found.push(g);
  if (body.includes('B secret')) found.push('B secret');
  return found;
}

describe.each([
  ['service checks and row-level security', false],
  ['row-level security alone (service checks off)', true],
])('%s', (_label, checksOff) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ plugins, config: { unsafeServiceChecksOff: checksOff as boolean, rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
  });
  afterAll(() => gw?.close());

  test('zero foreign rows returned, zero foreign rows written, for every query and mutation', async () => {
    const { a, b } = await seedTwoDistricts(gw);
    const tokens = await attackers(gw, a);
    const foreign = await footprint(gw, b.district.id);
    const calls = batteryCalls(gw.gateway.schema, foreign);
    expect(calls.length).toBeGreaterThan(30);
    const problems: string[] = [];
    let requests = 0;
    const outcomes: Record<string, number> = {};
    for (const [role, token] of Object.entries(tokens)) {
      for (const call of calls) {
        const res = await gw.request(call.query, call.variables, { token });
        requests++;
        const body = JSON.stringify(res);
        for (const leak of leaks(body, foreign, JSON.stringify(call.variables))) problems.push(`${role} · ${call.name} returned ${leak}`);
        const code = res.errors?.[0]?.extensions?.code ?? 'OK';
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        if (code === 'INTERNAL_SERVER_ERROR') problems.push(`${role} · ${call.name} failed unexpectedly`);
      }
    }
    // control: the same detector does see B's rows when a platform admin asks for them
    const control = await gw.request(`query($id: ID!) { node(id: $id) { id ... on Community { name } } }`, { id: gw.gid('Community', b.communities[1].id) });
    expect(leaks(JSON.stringify(control), foreign, '')).not.toEqual([]);
    await gw.settleEvents();
    const after = await footprint(gw, b.district.id);
    for (const t of Object.keys(foreign.checksum)) if (after.checksum[t] !== foreign.checksum[t]) problems.push(`table ${t} of district B changed`);
    process.stdout.write(`isolation battery (${checksOff ? 'RLS only' : 'checks + RLS'}): ${requests} requests (${calls.length} operations × 3 roles), outcomes ${JSON.stringify(outcomes)}, foreign rows returned: ${problems.filter((p) => p.includes('returned')).length}, foreign tables changed: ${problems.filter((p) => p.startsWith('table')).length}\n`);
    expect(problems).toEqual([]);
  }, 300_000);

  test("identity: A's admin can neither revoke, grant into, nor see B's grants and accounts", async () => {
    const a = await gw.seed.tree({ divisionCode: '330104', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
    const b = await gw.seed.tree({ divisionCode: '330105', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
    const aAdmin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id });
    const bWorker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: b.district.id, scopeId: b.communities[0].id });
    const [bGrant] = await gw.sql(`select id from role_grant where account_id = $1`, [bWorker.id]);
    const before = await gw.sql(`select id, revoked_at from role_grant where district_id = $1 order by id`, [b.district.id]);
    const as = (q: string, v: Record<string, unknown>) => gw.request(q, v, { token: aAdmin.token });
    const revoke = await as(`mutation($g: ID!) { revokeRole(grantId: $g) { id } }`, { g: gw.gid('RoleGrant', bGrant.id) });
    expect(revoke.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // a grant in B for an account of A's own making
    const created = await as(`mutation { createAccount(input: { username: "a-made-${checksOff ? 1 : 0}", displayName: "A" }) { id } }`, {});
    expect(created.errors).toBeUndefined();
    const intoB = await as(`mutation($a: ID!, $s: ID!) { grantRole(input: { accountId: $a, role: "DISTRICT_ADMIN", level: DISTRICT, scopeId: $s }) { id } }`, { a: created.data.createAccount.id, s: gw.gid('District', b.district.id) });
    expect(intoB.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN|BAD_USER_INPUT/);
    // a role in A for B's worker: the account is not A's to see
    const toBWorker = await as(`mutation($a: ID!, $s: ID!) { grantRole(input: { accountId: $a, role: "DISTRICT_ADMIN", level: DISTRICT, scopeId: $s }) { id } }`, { a: gw.gid('Account', bWorker.id), s: gw.gid('District', a.district.id) });
    expect(toBWorker.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await gw.sql(`select id, revoked_at from role_grant where district_id = $1 order by id`, [b.district.id])).toEqual(before);
    expect(await gw.sql(`select count(*)::int as n from role_grant where account_id = $1`, [bWorker.id])).toEqual([{ n: 1 }]);
  });
});
