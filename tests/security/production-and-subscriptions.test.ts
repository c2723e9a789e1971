import { randomBytes } from 'node:crypto';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

test('production mode: no introspection, no field suggestions, no open /metrics', async () => {
  const gw = await createTestGateway({
    config: { mode: 'production', jwtSecret: randomBytes(32).toString('hex'), dataKey: randomBytes(32).toString('base64') },
  });
  try {
    const intro = await gw.request('{ __schema { types { name } } }');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const overWs = await new Promise<any>((resolve) => gw.wsClient().subscribe({ query: '{ __type(name: "Query") { name } }' }, { next: resolve, error: (errors) => resolve({ errors }), complete: () => undefined }));
    expect(overWs.data).toBeUndefined();
    expect(JSON.stringify(overWs.errors)).toMatch(/introspection/i);
    const typoWs = await new Promise<any>((resolve) => gw.wsClient().subscribe({ query: '{ districs { totalCount } }' }, { next: resolve, error: (errors) => resolve({ errors }), complete: () => undefined }));
    expect(JSON.stringify(typoWs.errors)).not.toMatch(/Did you mean/);
    // no GONGZHI_METRICS_TOKEN: /metrics is not served at all
    expect((await fetch(`${gw.gateway.url}/metrics`)).status).toBe(404);
    const typo = await gw.request('{ districs { totalCount } }');
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  } finally {
    await gw.close();
  }
});

describe('subscriptions deliver only what the subscriber may see', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway();
  });
  afterAll(() => gw?.close());

  const firstResult = (client: ReturnType<TestGateway['wsClient']>, query: string, variables: Record<string, unknown>) =>
    new Promise<any>((resolve) => client.subscribe({ query, variables }, { next: resolve, error: (e) => resolve({ errors: e }), complete: () => resolve({ completed: true }) }));

  test('a community worker may follow its community, not its district, and never another district', async () => {
    const a = await gw.seed.tree({ divisionCode: '330301', streets: 1, communitiesPerStreet: 2 });
    const b = await gw.seed.tree({ divisionCode: '330302', streets: 1, communitiesPerStreet: 1 });
    const worker = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: a.district.id, scopeId: a.communities[0].id });
    const client = gw.wsClient({ authorization: `Bearer ${worker.token}` });
    const EVENTS = `subscription($n: ID!) { events(node: $n) { cursor name } }`;
    const codeOf = (r: any) => (r.errors?.[0]?.extensions?.code ?? r.errors?.[0]?.code) as string;
    expect(codeOf(await firstResult(client, EVENTS, { n: gw.gid('District', a.district.id) }))).toBe('FORBIDDEN');
    expect(codeOf(await firstResult(client, EVENTS, { n: gw.gid('Community', a.communities[1].id) }))).toBe('FORBIDDEN');
    expect(codeOf(await firstResult(client, EVENTS, { n: gw.gid('District', b.district.id) }))).toBe('NOT_FOUND');
    expect(codeOf(await firstResult(client, EVENTS, { n: gw.gid('Community', b.communities[0].id) }))).toBe('NOT_FOUND');
    const anonymous = gw.wsClient({});
    expect(codeOf(await firstResult(anonymous, EVENTS, { n: gw.gid('Community', a.communities[0].id) }))).toBe('UNAUTHENTICATED');
  });
});
