import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import dining from '@gongzhi/plugin-elderly-dining';

/**
 * A district admin sees everything done in their district, by anyone: the platform admin,
 * a multi-district account, a refused attempt. Program switches carry what was switched,
 * and their whole history is in the graph.
 */
let gw: TestGateway;
let a: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let b: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let aAdmin: { id: string; token: string };
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [dining] });
  a = await gw.seed.tree({ divisionCode: '410102', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 3 });
  b = await gw.seed.tree({ divisionCode: '410103', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 2 });
  aAdmin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id });
});
afterAll(() => gw?.close());

const UPDATE = `mutation($id: ID!, $addr: String!) { updateResident(id: $id, input: { address: $addr }) { id } }`;
const auditOf = async (districtId: string, token: string, actionPrefix: string) => {
  const res = await gw.request(`query($d: ID!, $p: String) { auditLog(filter: { districtId: $d, actionPrefix: $p }, first: 100) { nodes { action outcome detail } } }`,
    { d: gw.gid('District', districtId), p: actionPrefix }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.auditLog.nodes as { action: string; outcome: string; detail: Record<string, unknown> | null }[];
};

test("the platform admin's N mutations in district A are all in A's audit log", async () => {
  const n = a.residents.length;
  for (const [i, r] of a.residents.entries()) expect((await gw.request(UPDATE, { id: gw.gid('Resident', r.id), addr: `${i}号` })).errors).toBeUndefined();
  const seen = await auditOf(a.district.id, aAdmin.token, 'mutation.updateResident');
  expect(seen.filter((e) => e.outcome === 'SUCCESS')).toHaveLength(n);
  // and nothing of it in B's
  const bAdmin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: b.district.id });
  expect(await auditOf(b.district.id, bAdmin.token, 'mutation.updateResident')).toEqual([]);
});

test('a multi-district account is filed under the district it worked in; a refused attempt under the target too', async () => {
  const both = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: b.district.id });
  await gw.sql(`insert into role_grant (id, account_id, role, scope_level, district_id) values (gen_random_uuid(), $1, 'RESIDENT', 'COMMUNITY', $2)`, [both.id, a.district.id]);
  await gw.sql(`update role_grant set scope_id = $1 where account_id = $2 and role = 'RESIDENT'`, [a.communities[0].id, both.id]);
  const before = (await auditOf(a.district.id, aAdmin.token, 'mutation.updateResident')).length;
  // works in B
  expect((await gw.request(UPDATE, { id: gw.gid('Resident', b.residents[0].id), addr: 'B1' }, { token: both.token })).errors).toBeUndefined();
  // tries A, where it is only a resident: FORBIDDEN, filed under A
  const refused = await gw.request(UPDATE, { id: gw.gid('Resident', a.residents[0].id), addr: 'A?' }, { token: both.token });
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const inA = await auditOf(a.district.id, aAdmin.token, 'mutation.updateResident');
  expect(inA.slice(0, inA.length - before)).toEqual([{ action: 'mutation.updateResident', outcome: 'DENIED', detail: { code: 'FORBIDDEN' } }]);
});

test('setProgramEnabled is audited with program and on/off, and the enablement history is in the graph', async () => {
  for (const on of [true, false]) await (on ? gw.enableProgram(a.district.id, 'elderly-dining') : gw.disableProgram(a.district.id, 'elderly-dining'));
  const entries = await auditOf(a.district.id, aAdmin.token, 'mutation.setProgramEnabled');
  expect(entries.map((e) => e.detail)).toEqual([false, true].map((enabled) => ({ program: 'elderly-dining', enabled })));
  const res = await gw.request(`query($d: ID!) { node(id: $d) { ... on District { programHistory(program: "elderly-dining") { program enabled changedBy changedAt } } } }`,
    { d: gw.gid('District', a.district.id) }, { token: aAdmin.token });
  expect(res.errors).toBeUndefined();
  expect(res.data.node.programHistory.map((c: { enabled: boolean }) => c.enabled)).toEqual([false, true]);
});

test("a mutation's audit rows are written in the request's own transaction, and cost no transaction of their own", async () => {
  const requestId = `audit-tx-${Date.now()}`;
  const res = await gw.request(UPDATE, { id: gw.gid('Resident', a.residents[1].id), addr: '同一事务' }, { headers: { 'x-request-id': requestId } });
  expect(res.errors).toBeUndefined();
  const [row] = await gw.sql(`select xmin::text as tx from resident where id = $1`, [a.residents[1].id]);
  const audit = await gw.sql(`select xmin::text as tx, outcome from audit_log where request_id = $1`, [requestId]);
  // the resident row is written in the field's savepoint (a subtransaction, whose xid comes after
  // its parent's); an entry written by a transaction of its own, after the commit, would come later still
  expect(audit.map((x) => x.outcome)).toEqual(['SUCCESS']);
  expect(Number(audit[0].tx)).toBeLessThan(Number(row.tx));
  // a refused mutation changes nothing but its audit row, in that same transaction
  const refusedId = `audit-tx-refused-${Date.now()}`;
  const worker = await gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: a.district.id, scopeId: a.communities[0].id });
  const refused = await gw.request(UPDATE, { id: gw.gid('Resident', a.residents[1].id), addr: 'x' }, { token: worker.token, headers: { 'x-request-id': refusedId } });
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await gw.sql(`select outcome, district_id from audit_log where request_id = $1`, [refusedId])).toEqual([{ outcome: 'DENIED', district_id: a.district.id }]);
});
