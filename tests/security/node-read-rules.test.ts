import { createTestGateway, type SeededTree, type TestGateway } from '@gongzhi/testing';
import fixture from '@gongzhi/fixture-plugin';

/**
 * `node(id:)` / `nodes(ids:)` apply the rule of the type's own list: the cases of issue 9,
 * from the side of the callers who must not see (row-level security alone lets the whole
 * district through, so these fail when the host skips the rule).
 */
let gw: TestGateway;
let t: SeededTree;
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture] });
  t = await gw.seed.tree({ divisionCode: '320102', streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 30 });
});
afterAll(() => gw?.close());

const NODE = `query($id: ID!) { node(id: $id) { id ... on Resident { name birthDate careTags address } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
const code = (res: { errors?: { extensions?: { code?: unknown } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

test('without core:resident:read (a resident, org staff, a program viewer) a resident of the district reads NOT_FOUND, with no data', async () => {
  const [c] = t.communities;
  const org = await gw.seed.organization({ districtId: t.district.id, communityIds: [c.id] });
  const callers = {
    resident: await gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: t.district.id, scopeId: c.id, residentId: t.residents[0].id }),
    orgStaff: await gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: t.district.id, scopeId: org.id }),
    viewer: await gw.account({ role: 'volunteer-bank:viewer', level: 'COMMUNITY', districtId: t.district.id, scopeId: c.id }),
  };
  const other = gw.gid('Resident', t.residents[1].id);
  for (const [who, { token }] of Object.entries(callers)) {
    const res = await gw.request(NODE, { id: other }, { token });
    expect([who, code(res), res.data?.node ?? null]).toEqual([who, 'NOT_FOUND', null]);
    const many = await gw.request(NODES, { ids: [other] }, { token });
    expect([who, many.errors, many.data.nodes]).toEqual([who, undefined, [null]]);
  }
  // the same accounts reach what their roles do hold: the resident their own community, org staff their organisation
  const own = await gw.request(`query($id: ID!) { node(id: $id) { ... on Community { name } } }`, { id: gw.gid('Community', c.id) }, { token: callers.resident.token });
  expect(own.data.node.name).toBe(c.name);
  const orgSelf = await gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id: gw.gid('SocialOrganization', org.id) }, { token: callers.orgStaff.token });
  expect(orgSelf.data.node.id).toBe(gw.gid('SocialOrganization', org.id));
});

test('street staff read residents of their street; one of another street is NOT_FOUND, as residents(within: that street) is refused', async () => {
  const [mine, theirs] = t.streets;
  const staff = await gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: t.district.id, scopeId: mine.id });
  const ownResident = t.residents.find((r) => r.streetId === mine.id)!;
  const otherResident = t.residents.find((r) => r.streetId === theirs.id)!;
  const list = await gw.request(`query($w: ID!) { residents(filter: { within: $w }) { nodes { id } } }`, { w: gw.gid('Street', theirs.id) }, { token: staff.token });
  expect(code(list)).toBe('FORBIDDEN');
  const seen = await gw.request(NODE, { id: gw.gid('Resident', ownResident.id) }, { token: staff.token });
  expect(seen.data.node.name).toBe(ownResident.name);
  const hidden = await gw.request(NODE, { id: gw.gid('Resident', otherResident.id) }, { token: staff.token });
  expect([code(hidden), hidden.data?.node ?? null]).toEqual(['NOT_FOUND', null]);
  const otherStreet = await gw.request(NODE, { id: gw.gid('Street', theirs.id) }, { token: staff.token });
  expect(code(otherStreet)).toBe('NOT_FOUND');
});

test('nodes(ids:): null where not visible, in order; statements do not grow with the number of ids', async () => {
  const [mine] = t.streets;
  const staff = await gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: t.district.id, scopeId: mine.id });
  const ids = t.residents.map((r) => gw.gid('Resident', r.id));
  await gw.request(NODES, { ids: [] }, { token: staff.token }); // the account's first request loads its identity
  const few = await gw.request(NODES, { ids: ids.slice(0, 4).concat(ids.slice(-4)) }, { token: staff.token });
  const many = await gw.request(NODES, { ids }, { token: staff.token });
  expect(many.errors).toBeUndefined();
  expect(many.data.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual(t.residents.map((r) => (r.streetId === mine.id ? gw.gid('Resident', r.id) : null)));
  expect(many.sqlCount).toBe(few.sqlCount);
  process.stdout.write(`nodes(ids:) as street staff: 8 ids → ${few.sqlCount} statements, ${ids.length} ids → ${many.sqlCount}\n`);
});

test('a program off in the object\'s district: node(id:) and each nodes(ids:) item answer PROGRAM_NOT_ENABLED', async () => {
  const [c] = t.communities;
  await gw.enableProgram(t.district.id, 'fixture');
  const add = await gw.request(`mutation($c: ID!) { fixtureAddNote(communityId: $c, text: "n") { id } }`, { c: gw.gid('Community', c.id) });
  const note = add.data.fixtureAddNote.id as string;
  const worker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: t.district.id, scopeId: c.id });
  expect((await gw.request(NODE, { id: note }, { token: worker.token })).data.node.id).toBe(note);
  await gw.disableProgram(t.district.id, 'fixture');
  const one = await gw.request(NODE, { id: note }, { token: worker.token });
  expect([code(one), one.data?.node ?? null]).toEqual(['PROGRAM_NOT_ENABLED', null]);
  const resident = gw.gid('Resident', t.residents.find((r) => r.communityId === c.id)!.id);
  const many = await gw.request(NODES, { ids: [resident, note] }, { token: worker.token });
  expect(many.data.nodes[0].id).toBe(resident);
  expect(many.data.nodes[1]).toBeNull();
  expect(many.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['nodes', 1], 'PROGRAM_NOT_ENABLED']]);
});
