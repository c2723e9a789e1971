import http from 'node:http';
import WebSocket from 'ws';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

/** A district's own identity provider: a JWKS endpoint on this machine. */
let jwks: http.Server;
let jwksUrl = '';
let idpKey: CryptoKey;
let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  idpKey = privateKey as CryptoKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as import('node:net').AddressInfo).port}/jwks`;
  gw = await createTestGateway({
    config: { maxLoginFailures: 5, lockoutMinutes: 15, oidc: { jwksUrl, issuer: 'https://idp.qingxi.example', audience: 'gongzhi' } },
  });
  tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 });
});
afterAll(async () => {
  await gw?.close();
  jwks?.close();
});

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken account { username permissions grants { role scopeLevel } } } }`;
const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id username } }`;
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

async function accountWithPassword(username: string, password = 'Qingxi-2026-ok') {
  const res = await gw.request(CREATE, { i: { username, displayName: username, password } });
  expect(res.errors).toBeUndefined();
  const id = res.data.createAccount.id;
  const grant = await gw.request(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { role } }`, {
    i: { accountId: id, role: 'DISTRICT_ADMIN', level: 'DISTRICT', scopeId: toGlobalId('District', tree.district.id) },
  });
  expect(grant.errors).toBeUndefined();
  return id as string;
}

test('password policy: length, letters and digits, not the username', async () => {
  for (const [password, msg] of [['short1', '10–128'], ['onlyletterslong', 'letters and digits'], ['wang.lei-2026x', 'username']]) {
    const res = await gw.request(CREATE, { i: { username: 'wang.lei', displayName: '王磊', password } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(res.errors?.[0].message).toContain(msg);
  }
  expect(await gw.sql(`select 1 from account where username = 'wang.lei'`)).toHaveLength(0);
});

test('login returns tokens; no token, a bad token, or a tampered token is UNAUTHENTICATED (HTTP 401)', async () => {
  await accountWithPassword('li.na');
  const ok = await gw.request(LOGIN, { u: 'li.na', p: 'Qingxi-2026-ok' }, { token: null });
  expect(ok.errors).toBeUndefined();
  expect(ok.data.login.account.grants).toEqual([{ role: 'DISTRICT_ADMIN', scopeLevel: 'DISTRICT' }]);
  expect(ok.data.login.account.permissions).toContain('core:resident:reveal');
  const me = await gw.request(`{ me { username } }`, {}, { token: ok.data.login.accessToken });
  expect(me.data.me.username).toBe('li.na');
  const anon = await gw.request(`{ me { username } }`, {}, { token: null });
  expect(code(anon)).toBe('UNAUTHENTICATED');
  const bad = await gw.request(`{ me { username } }`, {}, { token: 'not-a-jwt' });
  expect(bad.status).toBe(401);
  expect(code(bad)).toBe('UNAUTHENTICATED');
  const [h, p] = ok.data.login.accessToken.split('.');
  const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.x`;
  expect(code(await gw.request(`{ me { username } }`, {}, { token: forged }))).toBe('UNAUTHENTICATED');
  const audit = await gw.sql(`select outcome from audit_log where action = 'login' and actor = 'li.na'`);
  expect(audit.map((a) => a.outcome)).toEqual(['SUCCESS']);
});

test('five failed logins lock the account for that address, even with the right password afterwards; failures are audited', async () => {
  await accountWithPassword('zhao.min');
  const tries = await Promise.all(Array.from({ length: 5 }, () => gw.request(LOGIN, { u: 'zhao.min', p: 'wrong-password-1' }, { token: null })));
  for (const t of tries) expect(code(t)).toBe('UNAUTHENTICATED');
  const locked = await gw.request(LOGIN, { u: 'zhao.min', p: 'Qingxi-2026-ok' }, { token: null });
  expect(code(locked)).toBe('UNAUTHENTICATED');
  const [row] = await gw.sql(`select f.failures, f.locked_until > now() as locked from login_failure f join account a on a.id = f.account_id where a.username = 'zhao.min'`);
  expect(row).toEqual({ failures: 5, locked: true }); // other addresses: tests/security/login-abuse.test.ts
  const audit = await gw.sql(`select outcome, detail->>'reason' as reason from audit_log where action = 'login' and actor = 'zhao.min' order by id`);
  expect(audit.filter((a) => a.outcome === 'FAILURE')).toHaveLength(6);
  expect(audit[audit.length - 1].reason).toBe('locked for this address');
  const unknown = await gw.request(LOGIN, { u: 'nobody', p: 'whatever-123' }, { token: null });
  expect(unknown.errors?.[0].message).toBe(locked.errors?.[0].message); // same answer: existence is not revealed
});

test('refresh tokens rotate; reusing a rotated one revokes the whole family, access tokens included', async () => {
  await accountWithPassword('sun.li');
  const first = (await gw.request(LOGIN, { u: 'sun.li', p: 'Qingxi-2026-ok' }, { token: null })).data.login;
  const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
  const second = (await gw.request(REFRESH, { t: first.refreshToken }, { token: null })).data.refreshSession;
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect(code(await gw.request(`{ me { username } }`, {}, { token: second.accessToken }))).toBeUndefined();
  const reuse = await gw.request(REFRESH, { t: first.refreshToken }, { token: null });
  expect(code(reuse)).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(REFRESH, { t: second.refreshToken }, { token: null }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(`{ me { username } }`, {}, { token: second.accessToken }))).toBe('UNAUTHENTICATED');
  const [audit] = await gw.sql(`select outcome from audit_log where action = 'refresh-token-reuse'`);
  expect(audit.outcome).toBe('DENIED');
});

test('logout revokes the session: its access token stops working on HTTP and its socket cannot connect', async () => {
  await accountWithPassword('zhou.jie');
  const s = (await gw.request(LOGIN, { u: 'zhou.jie', p: 'Qingxi-2026-ok' }, { token: null })).data.login;
  expect((await gw.request(`mutation { logout }`, {}, { token: s.accessToken })).data.logout).toBe(true);
  expect(code(await gw.request(`{ me { username } }`, {}, { token: s.accessToken }))).toBe('UNAUTHENTICATED');
  expect(await wsCloseCode({ authorization: `Bearer ${s.accessToken}` })).toBe(4403);
});

async function wsCloseCode(params: Record<string, unknown>): Promise<number> {
  const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)));
  ws.send(JSON.stringify({ type: 'connection_init', payload: params }));
  return closed;
}

test('graphql-ws: a bad token is refused on connect (4403), an expiring one closes the socket (4403)', async () => {
  expect(await wsCloseCode({ authorization: 'Bearer garbage' })).toBe(4403);
  const { id, sessionId } = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  const { token } = await gw.gateway.services.tokens.issueAccess(id, sessionId, 1);
  const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  const ack = await new Promise<string>((r) => ws.once('message', (m) => r(String(m))));
  expect(JSON.parse(ack).type).toBe('connection_ack');
  expect(await closed).toBe(4403);
  expect(code(await gw.request(`{ me { username } }`, {}, { token }))).toBe('UNAUTHENTICATED'); // expired on HTTP too
});

test('tokens of a district identity provider are verified against its JWKS and mapped to accounts', async () => {
  const acc = await gw.request(CREATE, { i: { username: 'sso.user', displayName: '统一认证用户', externalSubject: 'https://idp.qingxi.example|u-42' } });
  const sign = (sub: string, iss = 'https://idp.qingxi.example') =>
    new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(sub).setIssuer(iss).setAudience('gongzhi').setIssuedAt().setExpirationTime('5m').sign(idpKey);
  const me = await gw.request(`{ me { username } }`, {}, { token: await sign('u-42') });
  expect(me.data?.me.username).toBe('sso.user');
  expect(code(await gw.request(`{ me { username } }`, {}, { token: await sign('u-43') }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(`{ me { username } }`, {}, { token: await sign('u-42', 'https://evil.example') }))).toBe('UNAUTHENTICATED');
  expect(acc.errors).toBeUndefined();
});
