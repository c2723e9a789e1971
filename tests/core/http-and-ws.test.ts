import WebSocket from 'ws';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import fixture from '@gongzhi/fixture-plugin';

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture], config: { bodyLimitBytes: 4096, wsInitTimeoutMs: 300 } });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 0 });
  await gw.enableProgram(tree.district.id, 'fixture');
});
afterAll(() => gw?.close());

const base = () => gw.gateway.url;
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base()}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${gw.adminToken}`, ...headers }, body });

test('/healthz says the process is up; /readyz checks the database and migrations', async () => {
  expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base()}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

describe('GraphQL over HTTP', () => {
  test('GET serves queries (with a CSRF-safe header) and refuses mutations with 405', async () => {
    const q = encodeURIComponent('{ platform { coreVersion } }');
    const blocked = await fetch(`${base()}/graphql?query=${q}`);
    expect(blocked.status).toBe(400); // CSRF prevention: a simple GET has no preflight header
    const ok = await fetch(`${base()}/graphql?query=${q}`, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${gw.adminToken}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const m = encodeURIComponent('mutation { createDistrict(input: { name: "x", divisionCode: "330110" }) { id } }');
    const mutation = await fetch(`${base()}/graphql?query=${m}`, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${gw.adminToken}` } });
    expect(mutation.status).toBe(405);
    expect((await gw.sql(`select count(*)::int as n from district where division_code = '330110'`))[0].n).toBe(0);
  });

  test('CSRF-prone content types, batches, oversized and malformed bodies are refused', async () => {
    expect((await post('{"query":"{ platform { coreVersion } }"}', { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await post('[{"query":"{ platform { coreVersion } }"}]')).status).toBe(400);
    const big = await post(JSON.stringify({ query: `{ platform { coreVersion } } # ${'x'.repeat(5000)}` }));
    expect(big.status).toBe(413);
    expect((await post('{"query": ')).status).toBe(400);
    const parse = await post(JSON.stringify({ query: '{ platform {' }));
    expect(parse.status).toBe(200); // GraphQL over HTTP: application/json (the default without Accept) answers request errors 200
    expect((await parse.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('every response carries a request id; unexpected errors are masked with it', async () => {
    const res = await post(JSON.stringify({ query: 'mutation($c: ID!) { fixtureAddNote(communityId: $c, text: "boom") { id } }', variables: { c: toGlobalId('Community', tree.communities[0].id) } }), {
      'content-type': 'application/json', 'x-request-id': 'trace-123',
    });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-123' } });
    expect(JSON.stringify(body)).not.toContain('forced failure');
  });

  test('GraphiQL is served from local assets', async () => {
    const page = await fetch(`${base()}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('graphql-ws on the same port and path', () => {
  test('a subscriber scoped to a street receives that street’s committed events only, with cursors', async () => {
    const [s1, s2] = tree.streets;
    const c1 = tree.communities.find((c) => c.streetId === s1.id)!;
    const c2 = tree.communities.find((c) => c.streetId === s2.id)!;
    const it = gw.subscribe(`subscription($n: ID!) { events(node: $n) { cursor name program streetId payload } }`, { n: toGlobalId('Street', s1.id) });
    const first = it.next();
    await new Promise((r) => setTimeout(r, 200));
    const ADD = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id } }`;
    await gw.request(ADD, { c: toGlobalId('Community', c2.id), t: 'other street' });
    await gw.request(ADD, { c: toGlobalId('Community', c1.id), t: 'mine' });
    const got = await first;
    expect(got.value.data.events).toMatchObject({ name: 'fixture.note.added', program: 'fixture', streetId: toGlobalId('Street', s1.id), payload: { text: 'mine' } });
    expect(got.value.data.events.cursor).toMatch(/^\d+$/);
    await it.return?.();
  });

  test('reconnecting with the last cursor replays what was missed, in order', async () => {
    const c = tree.communities[0];
    const n = toGlobalId('District', tree.district.id);
    const [{ cursor }] = await gw.sql(`select coalesce(max(seq), 0)::text as cursor from outbox_event`);
    for (let i = 0; i < 5; i++) await gw.request(`mutation($c: ID!) { fixtureAddNote(communityId: $c, text: "m${i}") { id } }`, { c: toGlobalId('Community', c.id) });
    await gw.settleEvents();
    const it = gw.subscribe(`subscription($n: ID!, $a: String) { events(node: $n, after: $a) { cursor payload } }`, { n, a: cursor });
    const texts: string[] = [];
    for (let i = 0; i < 5; i++) texts.push(((await it.next()).value.data.events.payload as { text: string }).text);
    expect(texts).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    await it.return?.();
  });

  test('messages over 64 KiB close the socket; a client that never initialises is dropped', async () => {
    const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(70 * 1024) } }));
    expect(await closed).toBe(1009);
    const idle = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
    const idleClosed = new Promise<number>((r) => idle.once('close', (code) => r(code)));
    expect(await idleClosed).toBe(4408);
  });

  test('subscription documents are parsed and validated once', async () => {
    const cache = (gw.gateway as unknown as { ws: { cache: { hits: number; misses: number } } }).ws.cache;
    const doc = `subscription($n: ID!) { events(node: $n) { cursor } }`;
    const before = { ...cache };
    for (let i = 0; i < 3; i++) {
      const it = gw.subscribe(doc, { n: toGlobalId('District', tree.district.id) });
      const p = it.next();
      const seen = before.hits + before.misses + i + 1;
      for (let t = 0; t < 100 && cache.hits + cache.misses < seen; t++) await new Promise((r) => setTimeout(r, 30));
      await it.return?.();
      await p.catch(() => undefined);
    }
    expect(cache.misses - before.misses).toBeLessThanOrEqual(1);
    expect(cache.hits - before.hits).toBeGreaterThanOrEqual(2);
  });
});
