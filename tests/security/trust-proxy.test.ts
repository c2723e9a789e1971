import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { loadConfig } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * Behind a reverse proxy every socket comes from the proxy: per-address limits and the
 * login lockout must key on the client X-Forwarded-For names, but only through proxies
 * GONGZHI_TRUST_PROXY trusts; a client forging the header gains nothing. Same for WebSockets.
 */
const LOGIN = `mutation { login(username: "nobody.here", password: "wrong-password-1") { accessToken } }`;
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

/** The login bucket is a fixed one-minute window: start a counting test well inside one. */
async function freshMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((r) => setTimeout(r, left + 50));
}

async function loginFrom(gw: TestGateway, forwardedFor: string) {
  const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ query: LOGIN }) });
  return code((await res.json()) as never) as string;
}

describe('behind a trusted proxy (loopback)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ config: { trustProxy: 'loopback', loginPerIpPerMinute: 3 } });
  });
  afterAll(() => gw?.close());

  test('each forwarded client has its own login bucket', async () => {
    await freshMinute();
    const a = [];
    for (let i = 0; i < 4; i++) a.push(await loginFrom(gw, '203.0.113.7'));
    expect(a).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    expect(await loginFrom(gw, '198.51.100.9')).toBe('UNAUTHENTICATED'); // another client behind the same proxy
    // a client that prepends a forged hop: the proxy appends the real one, which is what counts
    expect(await loginFrom(gw, '198.51.100.200, 203.0.113.7')).toBe('RATE_LIMITED');
  });

  test('a WebSocket upgrade names its client the same way, so both transports share the bucket', async () => {
    const client = createClient({
      url: gw.wsUrl, retryAttempts: 0, lazy: true,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string[]) {
          super(url, protocols, { headers: { 'x-forwarded-for': '192.0.2.44' } });
        }
      },
    });
    await freshMinute();
    const viaWs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await new Promise<{ errors?: { extensions?: Record<string, any> }[] }>((resolve) => {
        let got: any;
        client.subscribe({ query: LOGIN }, { next: (v) => (got = v), error: (e) => resolve({ errors: Array.isArray(e) ? e : [e as never] }), complete: () => resolve(got) });
      });
      viaWs.push(code(r) as string);
    }
    await client.dispose();
    expect(viaWs).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(await loginFrom(gw, '192.0.2.44')).toBe('RATE_LIMITED');
  });
});

describe('without a trusted proxy', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ config: { loginPerIpPerMinute: 3 } });
  });
  afterAll(() => gw?.close());

  test('X-Forwarded-For is ignored: a client cannot pick a fresh address per attempt', async () => {
    await freshMinute();
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await loginFrom(gw, `203.0.113.${i + 1}`));
    expect(seen).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});

test('a malformed GONGZHI_TRUST_PROXY stops start-up with the setting named', () => {
  expect(() => loadConfig({ GONGZHI_MODE: 'test', GONGZHI_TRUST_PROXY: '10.0.0.0/99' })).toThrow(/GONGZHI_TRUST_PROXY/);
  expect(loadConfig({ GONGZHI_MODE: 'test', GONGZHI_TRUST_PROXY: '1' }).trustProxy).toBe('1');
});
