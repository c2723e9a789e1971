import { createLogger } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

const ID_NUMBER = /\d{17}[\dX]/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

let gw: TestGateway;
let a: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let b: Awaited<ReturnType<TestGateway['seed']['tree']>>;
const logLines: string[] = [];

beforeAll(async () => {
  gw = await createTestGateway({ config: { logLevel: 'debug' } });
  // capture everything the gateway logs from here on
  Object.assign(gw.gateway.log, createLogger('debug', (l) => logLines.push(l)));
  a = await gw.seed.tree({ divisionCode: '440104', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 3 });
  b = await gw.seed.tree({ divisionCode: '440105', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
  let n = 0;
  for (const r of a.residents) {
    const serial = String(n++).padStart(2, '0');
    const res = await gw.request(`mutation($id: ID!, $i: UpdateResidentInput!) { updateResident(id: $id, input: $i) { id } }`, {
      id: gw.gid('Resident', r.id), i: { phone: `139000000${serial}`, address: `${serial}号` },
    });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => gw?.close());

test('no unmasked phone appears in any response or log line produced for roles without the reveal permission', async () => {
  const c = a.communities[0];
  const roles = {
    street: await gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: a.district.id, scopeId: c.streetId }),
    social: await gw.account({ role: 'SOCIAL_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: c.id }),
  };
  const queries = [
    [`query($w: ID!) { residents(filter: { within: $w }, first: 50) { nodes { id name phone idNumber address community { name } } } }`, { w: gw.gid('Street', c.streetId) }],
    [`query($w: ID!) { residents(filter: { within: $w, anyCareTags: [ELDERLY_60] }) { nodes { phone } } }`, { w: gw.gid('Community', c.id) }],
    [`query($id: ID!) { node(id: $id) { ... on Resident { phone idNumber } } }`, { id: gw.gid('Resident', a.residents[0].id) }],
    [`mutation($id: ID!) { updateResident(id: $id, input: { phone: "13900000099" }) { phone } }`, { id: gw.gid('Resident', a.residents[0].id) }],
  ] as const;
  const start = logLines.length;
  let responses = 0;
  for (const token of Object.values(roles).map((r) => r.token)) {
    for (const [q, v] of queries) {
      const res = await gw.request(q, v as Record<string, unknown>, { token });
      responses++;
      const body = JSON.stringify(res);
      expect(body).not.toMatch(PHONE);
      expect(body).not.toMatch(ID_NUMBER);
    }
    // and over WebSocket
    const client = gw.wsClient({ authorization: `Bearer ${token}` });
    const ws = await new Promise<unknown>((resolve) => client.subscribe({ query: queries[0][0], variables: queries[0][1] }, { next: resolve, error: resolve, complete: () => undefined }));
    expect(JSON.stringify(ws)).not.toMatch(PHONE);
  }
  const logs = logLines.slice(start).join('\n');
  expect(logs).not.toMatch(PHONE);
  expect(logs).not.toMatch(ID_NUMBER);
  expect(logLines.length - start).toBeGreaterThanOrEqual(8); // one line per request at debug level
  process.stdout.write(`PII scan: ${responses} HTTP responses + 2 WebSocket results + ${logLines.length - start} log lines, 0 unmasked values\n`);
  // a community worker may reveal: the values are there, and each reveal is audited
  const worker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: c.id });
  const before = (await gw.sql(`select count(*)::int as n from audit_log where action = 'resident.reveal.phone'`))[0].n;
  const revealed = await gw.request(queries[1][0], queries[1][1] as Record<string, unknown>, { token: worker.token });
  expect(JSON.stringify(revealed)).toMatch(PHONE);
  const after = (await gw.sql(`select count(*)::int as n from audit_log where action = 'resident.reveal.phone'`))[0].n;
  expect(after - before).toBe(revealed.data.residents.nodes.filter((n: { phone: string | null }) => n.phone).length);
});

test('the audit log records mutations and program changes; district admins read only their own district', async () => {
  const adminA = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id });
  const worker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: a.communities[0].id });
  await gw.request(`mutation($id: ID!) { updateCommunity(id: $id, input: { name: "改名社区" }) { name } }`, { id: gw.gid('Community', a.communities[0].id) }, { token: adminA.token });
  await gw.request(`mutation($id: ID!) { updateCommunity(id: $id, input: { name: "越权" }) { name } }`, { id: gw.gid('Community', a.communities[1].id) }, { token: worker.token });
  await gw.request(`mutation($id: ID!) { updateCommunity(id: $id, input: { name: "B" }) { name } }`, { id: gw.gid('Community', b.communities[0].id) }, { token: adminA.token });
  const log = await gw.request(`query($d: ID!) { auditLog(filter: { districtId: $d, actionPrefix: "mutation.updateCommunity" }) { nodes { action outcome actor detail } } }`, { d: gw.gid('District', a.district.id) }, { token: adminA.token });
  expect(log.errors).toBeUndefined();
  expect(log.data.auditLog.nodes.map((n: { outcome: string; detail: { code?: string } | null }) => [n.outcome, n.detail?.code ?? null])).toEqual(
    expect.arrayContaining([['SUCCESS', null], ['DENIED', 'FORBIDDEN'], ['DENIED', 'NOT_FOUND']]),
  );
  const foreign = await gw.request(`query($d: ID!) { auditLog(filter: { districtId: $d }) { nodes { action } } }`, { d: gw.gid('District', b.district.id) }, { token: adminA.token });
  expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const byWorker = await gw.request(`query($d: ID!) { auditLog(filter: { districtId: $d }) { nodes { action } } }`, { d: gw.gid('District', a.district.id) }, { token: worker.token });
  expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('the audit log is append-only: the gateway role cannot UPDATE or DELETE it, and a trigger refuses even the owner', async () => {
  const tryAs = (sql: string) => gw.em().transactional(async (tx) => {
    await tx.execute('set local role gongzhi_app');
    await tx.execute(`select set_config('gongzhi.districts', ?, true)`, [gw.tenantSetting('*')]);
    await tx.execute(sql);
  });
  await expect(tryAs(`update audit_log set outcome = 'SUCCESS'`)).rejects.toThrow(/permission denied/);
  await expect(tryAs(`delete from audit_log`)).rejects.toThrow(/permission denied/);
  await expect(gw.sql(`delete from audit_log`)).rejects.toThrow(/append-only/);
  await expect(gw.sql(`update audit_log set actor = 'x'`)).rejects.toThrow(/append-only/);
  await expect(tryAs(`insert into audit_log (action, outcome) values ('probe', 'SUCCESS')`)).resolves.toBeUndefined();
});

test('roles are granted and revoked only within the granter’s own scope', async () => {
  const worker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: a.communities[0].id });
  const target = (await gw.request(`mutation { createAccount(input: { username: "new.volunteer", displayName: "新人" }) { id } }`)).data.createAccount.id;
  const GRANT = `mutation($i: GrantRoleInput!) { grantRole(input: $i) { id role scopeLevel } }`;
  const grant = (role: string, level: string, scopeId: string) => gw.request(GRANT, { i: { accountId: target, role, level, scopeId } }, { token: worker.token });
  expect((await grant('GRID_WORKER', 'GRID', gw.gid('Grid', a.grids[0].id))).errors).toBeUndefined();
  expect((await grant('DISTRICT_ADMIN', 'DISTRICT', gw.gid('District', a.district.id))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await grant('SOCIAL_WORKER', 'COMMUNITY', gw.gid('Community', a.communities[1].id))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  // another district's node answers like a node that does not exist
  expect((await grant('SOCIAL_WORKER', 'COMMUNITY', gw.gid('Community', b.communities[0].id))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopeId' });
  expect((await grant('SOCIAL_WORKER', 'COMMUNITY', gw.gid('Community', '00000000-0000-4000-8000-000000000000'))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopeId' });
  expect((await grant('RESIDENT', 'GRID', gw.gid('Grid', a.grids[0].id))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level' });
  const grants = await gw.sql(`select role from role_grant where account_id = (select id from account where username = 'new.volunteer') and revoked_at is null`);
  expect(grants.map((g) => g.role)).toEqual(['GRID_WORKER']);
  const audit = await gw.sql(`select outcome from audit_log where action = 'role.grant' and object_id = (select id::text from account where username = 'new.volunteer') order by id`);
  expect(audit.map((x) => x.outcome)).toEqual(['SUCCESS', 'DENIED', 'DENIED', 'DENIED']);
});
