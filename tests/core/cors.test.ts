import { ConfigError, loadConfig } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * A front end on another origin: GONGZHI_CORS_ORIGINS decides which origins a browser may call
 * from; credentials are never allowed; preflights are answered and cached; the CSRF protection
 * still refuses simple cross-site requests.
 */
const APP = 'https://app.example.org';
const FOREIGN = 'https://evil.example.com';
let gw: TestGateway;

beforeAll(async () => {
  gw = await createTestGateway({ config: { corsOrigins: [APP] } });
});
afterAll(() => gw.close());

const preflight = (origin: string) =>
  fetch(gw.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

const post = (origin: string, headers: Record<string, string> = { 'content-type': 'application/json' }, body = JSON.stringify({ query: '{ me { username } }' })) =>
  fetch(gw.url, { method: 'POST', headers: { origin, authorization: `Bearer ${gw.adminToken}`, ...headers }, body });

test('an allowed origin gets its preflight answered: methods, headers, max-age, no credentials', async () => {
  const res = await preflight(APP);
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  expect(res.headers.get('access-control-allow-methods')!.split(',')).toEqual(expect.arrayContaining(['GET', 'POST']));
  expect(res.headers.get('access-control-allow-headers')!.split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
  expect(res.headers.get('access-control-max-age')).toBe('600');
  expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  expect(res.headers.get('vary')).toMatch(/origin/i);
});

test('an allowed origin reads the answer (and the request id)', async () => {
  const res = await post(APP);
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  expect(((await res.json()) as any).data.me.username).toBe('test-admin');
});

test('a foreign origin gets no allow headers on the preflight or the request', async () => {
  const pre = await preflight(FOREIGN);
  expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  expect(pre.headers.get('access-control-allow-headers')).toBeNull();
  const res = await post(FOREIGN);
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
});

test('CSRF protection is kept: a simple cross-site POST or GET is refused, even from an allowed origin', async () => {
  for (const origin of [APP, FOREIGN]) {
    const simple = await post(origin, { 'content-type': 'text/plain' });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    const get = await fetch(`${gw.url}?query=${encodeURIComponent('{ me { username } }')}`, { headers: { origin } });
    expect(get.status).toBe(400);
  }
});

test('GONGZHI_CORS_ORIGINS: none by default in production, any in development, origins validated', () => {
  const prod = { GONGZHI_MODE: 'production', GONGZHI_JWT_SECRET: 'x'.repeat(32), GONGZHI_DATA_KEY: Buffer.alloc(32).toString('base64') };
  expect(loadConfig(prod).corsOrigins).toEqual([]);
  expect(loadConfig({ GONGZHI_MODE: 'development' }).corsOrigins).toEqual(['*']);
  expect(loadConfig({ ...prod, GONGZHI_CORS_ORIGINS: `${APP}, http://localhost:5173` }).corsOrigins).toEqual([APP, 'http://localhost:5173']);
  let problems: string[] = [];
  try {
    loadConfig({ GONGZHI_CORS_ORIGINS: `${APP}/path,app.example.org` });
  } catch (e) {
    problems = (e as ConfigError).problems;
  }
  expect(problems).toEqual([
    `GONGZHI_CORS_ORIGINS: "${APP}/path" is not an origin (scheme://host[:port], no path) or *`,
    'GONGZHI_CORS_ORIGINS: "app.example.org" is not an origin (scheme://host[:port], no path) or *',
  ]);
});
