import http from 'node:http';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

/**
 * Rate limits and the password lockout are separate, and neither lets one client shut
 * another out: failures lock the guesser's address for that account, not the account;
 * logins have their own per-address bucket; an account's flood does not stop its login.
 * Clients on other addresses are real sockets bound to 127.0.0.2 / 127.0.0.3.
 */
jest.setTimeout(90_000); // counting tests may wait for a fresh rate-limit minute
let gw: TestGateway;
let districtId: string;
beforeAll(async () => {
  gw = await createTestGateway({ config: { maxLoginFailures: 3, lockoutMinutes: 15, loginPerIpPerMinute: 20, rateLimit: { perAccountPerMinute: 10, perIpPerMinute: 100_000 } } });
  districtId = (await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 })).district.id;
});
afterAll(() => gw?.close());

const PASSWORD = 'Qingxi-2026-ok';
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }`;
type Reply = { status: number; data?: any; errors?: { extensions?: Record<string, any> }[] };
const code = (r: Reply) => r.errors?.[0]?.extensions?.code;

/** A GraphQL POST from a given local address. */
function from(address: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Reply> {
  const url = new URL(gw.url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: address,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, ...JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function account(username: string) {
  const created = await gw.request(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { username, displayName: username, password: PASSWORD } });
  await gw.request(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, {
    i: { accountId: created.data.createAccount.id, role: 'DISTRICT_ADMIN', level: 'DISTRICT', scopeId: toGlobalId('District', districtId) } });
}

test('a guesser on another address locks only itself out: the owner logs in and keeps its session', async () => {
  await account('victim.wang');
  const owner = (await from('127.0.0.1', LOGIN, { u: 'victim.wang', p: PASSWORD })).data.login;
  const guesses = await Promise.all(Array.from({ length: 8 }, () => from('127.0.0.2', LOGIN, { u: 'victim.wang', p: 'wrong-password-1' })));
  expect(guesses.map(code)).toEqual(Array(8).fill('UNAUTHENTICATED'));
  // the guesser's address is locked, even with the right password now
  expect(code(await from('127.0.0.2', LOGIN, { u: 'victim.wang', p: PASSWORD }))).toBe('UNAUTHENTICATED');
  const [row] = await gw.sql(`select address, failures >= 3 as counted, locked_until > now() as locked from login_failure`);
  expect(row).toEqual({ address: '127.0.0.2', counted: true, locked: true }); // guesses that arrive after the lock are refused uncounted
  // the owner: its session still works, its refresh still rotates, and it logs in from its own address
  expect(code(await from('127.0.0.1', `{ me { username } }`, {}, owner.accessToken))).toBeUndefined();
  expect(code(await from('127.0.0.1', `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, { r: owner.refreshToken }))).toBeUndefined();
  expect(code(await from('127.0.0.1', LOGIN, { u: 'victim.wang', p: PASSWORD }))).toBeUndefined();
  // a third address is not affected either
  expect(code(await from('127.0.0.3', LOGIN, { u: 'victim.wang', p: PASSWORD }))).toBeUndefined();
  const audit = await gw.sql(`select detail->>'reason' as reason from audit_log where action = 'login' and actor = 'victim.wang' and outcome = 'FAILURE'`);
  expect(audit.map((a) => a.reason)).toContain('locked for this address');
});

test('a successful login clears its own address count only', async () => {
  await account('mixed.li');
  for (const a of ['127.0.0.2', '127.0.0.3']) await from(a, LOGIN, { u: 'mixed.li', p: 'wrong-password-1' });
  expect(code(await from('127.0.0.3', LOGIN, { u: 'mixed.li', p: PASSWORD }))).toBeUndefined();
  const rows = await gw.sql(`select address, failures from login_failure f join account a on a.id = f.account_id where a.username = 'mixed.li'`);
  expect(rows).toEqual([{ address: '127.0.0.2', failures: 1 }]);
});

test('logins have their own per-address bucket: one address stuffing many accounts is refused, others are not', async () => {
  const left = 60_000 - (Date.now() % 60_000); // the bucket is a fixed one-minute window
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
  const attempts = [];
  for (let i = 0; i < 24; i++) attempts.push(await from('127.0.0.4', LOGIN, { u: `stuffed.${i}`, p: 'wrong-password-1' }));
  const codes = attempts.map(code);
  expect(codes.slice(0, 20)).toEqual(Array(20).fill('UNAUTHENTICATED'));
  expect(codes.slice(20)).toEqual(Array(4).fill('RATE_LIMITED'));
  expect(attempts[20].status).toBe(429);
  await account('elsewhere.zhou');
  expect(code(await from('127.0.0.5', LOGIN, { u: 'elsewhere.zhou', p: PASSWORD }))).toBeUndefined();
});

test("an account that floods hits its own rate limit, and can still log in (login is not the account's bucket)", async () => {
  await account('flood.chen');
  const { accessToken } = (await from('127.0.0.6', LOGIN, { u: 'flood.chen', p: PASSWORD })).data.login;
  const flood = [];
  for (let i = 0; i < 12; i++) flood.push(code(await from('127.0.0.6', `{ me { username } }`, {}, accessToken)));
  expect(flood).toContain('RATE_LIMITED');
  expect(code(await from('127.0.0.6', LOGIN, { u: 'flood.chen', p: PASSWORD }))).toBeUndefined();
  expect(await gw.sql(`select 1 from login_failure f join account a on a.id = f.account_id where a.username = 'flood.chen'`)).toEqual([]);
});

test('login failures are not readable by the request role', async () => {
  const [row] = await gw.sql(`select has_table_privilege('gongzhi_app', 'login_failure', 'select') as can`);
  expect(row.can).toBe(false);
});
