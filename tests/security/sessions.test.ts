import { randomUUID } from 'node:crypto';
import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Every access token names a live session; disabling or logging out ends
 * sessions at once (HTTP, refresh, open subscriptions), on this gateway and within the
 * identity cache's bound on another one. The cache never serves a revoked grant.
 */
let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
beforeAll(async () => {
  gw = await createTestGateway({ config: { maxLoginFailures: 3, lockoutMinutes: 15 } });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 1 });
});
afterAll(() => gw?.close());

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const ME = `{ me { username grants { role } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`;
const PASSWORD = 'Qingxi-2026-ok';

/** An account with a password and a street role, logged in. */
async function loggedIn(username: string, streetId = tree.streets[0].id) {
  const created = await gw.request(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { username, displayName: username, password: PASSWORD } });
  const id = created.data.createAccount.id as string;
  const g = await gw.request(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, { i: { accountId: id, role: 'STREET_STAFF', level: 'STREET', scopeId: toGlobalId('Street', streetId) } });
  const login = await gw.request(LOGIN, { u: username, p: PASSWORD }, { token: null });
  return { id, grantId: g.data.grantRole.id as string, access: login.data.login.accessToken as string, refresh: login.data.login.refreshToken as string };
}

test('a correctly signed token without a session, or naming an unknown one, is refused', async () => {
  const { id } = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  const none = await gw.gateway.services.tokens.issueAccess(id, null);
  const unknown = await gw.gateway.services.tokens.issueAccess(id, randomUUID());
  for (const t of [none.token, unknown.token]) {
    const res = await gw.request(ME, {}, { token: t });
    expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
  }
  // a live session of another account does not do either
  const other = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  const borrowed = await gw.gateway.services.tokens.issueAccess(id, other.sessionId);
  expect(code(await gw.request(ME, {}, { token: borrowed.token }))).toBe('UNAUTHENTICATED');
});

test("failed logins end no session: a guesser cannot log the owner out (disabling the account does that)", async () => {
  const a = await loggedIn('lock.me');
  expect(code(await gw.request(ME, {}, { token: a.access }))).toBeUndefined();
  for (let i = 0; i < 3; i++) await gw.request(LOGIN, { u: 'lock.me', p: 'wrong-password-1' }, { token: null });
  expect(code(await gw.request(LOGIN, { u: 'lock.me', p: PASSWORD }, { token: null }))).toBe('UNAUTHENTICATED'); // this address is locked
  expect(code(await gw.request(ME, {}, { token: a.access }))).toBeUndefined();
  expect(code(await gw.request(REFRESH, { r: a.refresh }, { token: null }))).toBeUndefined();
});

test('disableAccount is scoped like grants, audited, ends sessions; enableAccount lets the account log in again', async () => {
  const a = await loggedIn('disable.me');
  const streetAdmin = await gw.account({ role: 'STREET_STAFF', level: 'STREET', scopeId: tree.streets[1].id, districtId: tree.district.id });
  const DISABLE = `mutation($a: ID!) { disableAccount(accountId: $a) { username } }`;
  const denied = await gw.request(DISABLE, { a: a.id }, { token: streetAdmin.token });
  expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code(denied));
  expect(code(await gw.request(ME, {}, { token: a.access }))).toBeUndefined();

  const admin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  expect(code(await gw.request(DISABLE, { a: a.id }, { token: admin.token }))).toBeUndefined();
  expect(code(await gw.request(ME, {}, { token: a.access }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(REFRESH, { r: a.refresh }, { token: null }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { u: 'disable.me', p: PASSWORD }, { token: null }))).toBe('UNAUTHENTICATED');
  const rows = await gw.sql(`select action, outcome from audit_log where object_id = $1 and action like 'account.%' order by at`, [Buffer.from(a.id, 'base64').toString().split(':')[1]]);
  expect(rows).toEqual([{ action: 'account.disable', outcome: 'DENIED' }, { action: 'account.disable', outcome: 'SUCCESS' }]);

  expect(code(await gw.request(`mutation($a: ID!) { enableAccount(accountId: $a) { username } }`, { a: a.id }, { token: admin.token }))).toBeUndefined();
  expect(code(await gw.request(ME, {}, { token: a.access }))).toBe('UNAUTHENTICATED'); // the old session stays ended
  expect(code(await gw.request(LOGIN, { u: 'disable.me', p: PASSWORD }, { token: null }))).toBeUndefined();
});

test('the identity is cached per session (no lookup) and a revoked grant is gone on the next request', async () => {
  const a = await loggedIn('cache.me');
  await gw.request(ME, {}, { token: a.access });
  const scopeBefore = (await gw.request(`{ sessionScope { tenantSetting } }`, {}, { token: a.access })).data.sessionScope.tenantSetting;
  expect(scopeBefore).toContain(tree.district.id);
  const warm = await gw.request(`{ __typename }`, {}, { token: a.access });
  const cold = await gw.request(`{ __typename }`, {}, { token: (await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id })).token });
  expect(warm.sqlCount).toBeLessThan(cold.sqlCount);
  expect(code(await gw.request(`mutation($g: ID!) { revokeRole(grantId: $g) { id } }`, { g: a.grantId }))).toBeUndefined();
  // the tenant setting is the caller's districts, from the (cached) grants
  const after = await gw.request(`{ sessionScope { tenantSetting } }`, {}, { token: a.access });
  expect(after.data?.sessionScope.tenantSetting ?? '').not.toContain(tree.district.id);
});

/** Closes with this code, or times out. */
function closeCodeOf(url: string, token: string, query: string, variables: Record<string, unknown>) {
  return new Promise<{ code: number; at: number }>((resolve) => {
    const client = createClient({
      url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${token}` },
      on: { closed: (e) => resolve({ code: (e as CloseEvent).code, at: Date.now() }) },
    });
    client.subscribe({ query, variables }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  });
}

const EVENTS = `subscription($n: ID!) { events(node: $n) { cursor } }`;

test('open subscriptions end (4403) when the role is revoked or the session logs out; across gateways within the cache bound', async () => {
  const second = new Gateway({
    config: loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: gw.databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error', identityCacheTtlMs: 2000, wsRecheckMs: 500 }),
    logger: createLogger('error'),
  });
  await second.start();
  try {
    const node = { n: toGlobalId('Street', tree.streets[0].id) };
    const wait = () => new Promise((r) => setTimeout(r, 400)); // the socket is subscribed

    const revoked = await loggedIn('ws.revoke');
    const here = closeCodeOf(gw.wsUrl, revoked.access, EVENTS, node);
    const there = closeCodeOf(`${second.url.replace('http', 'ws')}/graphql`, revoked.access, EVENTS, node);
    await wait();
    const t0 = Date.now();
    await gw.request(`mutation($g: ID!) { revokeRole(grantId: $g) { id } }`, { g: revoked.grantId });
    const [a, b] = await Promise.all([here, there]);
    expect([a.code, b.code]).toEqual([4403, 4403]);

    const out = await loggedIn('ws.logout');
    const mine = closeCodeOf(gw.wsUrl, out.access, EVENTS, node);
    const onSecond = (token: string) => fetch(`${second.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect((await onSecond(out.access)).status).toBe(200); // cached there now
    await wait();
    const t1 = Date.now();
    await gw.request(`mutation { logout }`, {}, { token: out.access });
    const c = await mine;
    expect(c.code).toBe(4403);
    // another gateway refuses the logged-out token over HTTP within the cache bound
    let refusedAt = 0;
    while (!refusedAt && Date.now() - t1 < 5000) {
      const r = await onSecond(out.access);
      if (r.status === 401) refusedAt = Date.now();
      else await new Promise((r2) => setTimeout(r2, 50));
    }
    process.stdout.write(`revocation: role revoked → socket closed ${a.at - t0} ms (same gateway), ${b.at - t0} ms (other gateway); logout → socket closed ${c.at - t1} ms, other gateway refuses the token after ${refusedAt - t1} ms\n`);
    expect(a.at - t0).toBeLessThan(1000);
    expect(b.at - t0).toBeLessThan(3500);
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt - t1).toBeLessThan(2500);
  } finally {
    await second.stop('test done');
  }
}, 60_000);
