import { createHash } from 'node:crypto';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * The cost limit is priced with the values an operation runs with: `first: $n` costs what
 * `first: <n>` costs, on HTTP and graphql-ws, for documents the gateway has parsed and
 * validated before (its caches) and for persisted queries.
 */
const MAX_COST = 41;
let gw: TestGateway;
let D = '';
beforeAll(async () => {
  gw = await createTestGateway({ config: { limits: { depth: 12, aliases: 30, directives: 20, tokens: 5000, cost: MAX_COST }, pageSizeMax: 100, rateLimit: { perAccountPerMinute: 100_000, perIpPerMinute: 100_000 } } });
  D = gw.gid('District', (await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 })).district.id);
});
afterAll(() => gw?.close());

type Result = { data?: unknown; errors?: { extensions?: Record<string, any> }[] };
const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

function overWs(query: string, variables?: Record<string, unknown>): Promise<Result> {
  const client = gw.wsClient();
  return new Promise((resolve) => {
    client.subscribe({ query, variables }, {
      next: (v) => resolve(v as Result),
      error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ extensions: { code: 'SOCKET', reason: String(e) } }] }),
      complete: () => undefined,
    });
  });
}

// socialOrganizations 1 + nodes 1 + n × name 1: 39 → 41, 40 → 42 (a list the tree does not bound)
const WITH_VARIABLE = 'query Cost($n: Int, $d: ID!) { socialOrganizations(first: $n, filter: { districtId: $d }) { nodes { name } } }';
const literal = (n: number) => `query Cost { socialOrganizations(first: ${n}, filter: { districtId: "${D}" }) { nodes { name } } }`;
const orgs = (args: string, select = 'nodes { name }') => `socialOrganizations(${args}, filter: { districtId: "${D}" }) { ${select} }`;
const [OK, OVER] = [39, 40];

describe.each(['HTTP', 'WebSocket'])('%s', (transport) => {
  const run = (q: string, v?: Record<string, unknown>) => (transport === 'HTTP' ? gw.request(q, { d: D, ...v }) : overWs(q, { d: D, ...v }));

  test(`first: $n costs what the literal costs: ${OK} passes, ${OVER} is refused, in either order of the same text`, async () => {
    for (const n of [OK, OVER, OK, OVER]) {
      const [byVariable, byLiteral] = [await run(WITH_VARIABLE, { n }), await run(literal(n))];
      expect([codes(byVariable), codes(byLiteral)]).toEqual(n === OK ? [[], []] : [['QUERY_TOO_COMPLEX'], ['QUERY_TOO_COMPLEX']]);
    }
    const refused = await run(WITH_VARIABLE, { n: OVER });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: MAX_COST, actual: 42 });
    expect(refused.errors?.[0].extensions?.http).toBeUndefined();
    expect(refused.data ?? undefined).toBeUndefined();
  });

  test("a variable's default value counts, and an omitted variable is the default page size", async () => {
    expect(codes(await run(`query($n: Int = ${OVER}) { ${orgs('first: $n')} }`))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes(await run(WITH_VARIABLE, {}))).toEqual([]);
  });

  test('@include(if: $x) charges the fields it includes only', async () => {
    const q = `query($x: Boolean!) { ${orgs(`first: ${OK}`)} me @include(if: $x) { username } }`;
    expect(codes(await run(q, { x: false }))).toEqual([]);
    expect(codes(await run(q, { x: true }))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('variables that do not coerce answer as before (a variable error, not a cost)', async () => {
    expect(codes(await run(WITH_VARIABLE, { n: 'many' }))).toEqual(['BAD_USER_INPUT']);
  });
});

test('HTTP status: a cost refusal is 200 with application/json and 400 with graphql-response+json, as validation failures', async () => {
  const post = (accept: string) => fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${gw.adminToken}` },
    body: JSON.stringify({ query: WITH_VARIABLE, variables: { n: OVER, d: D } }),
  });
  expect((await post('application/json')).status).toBe(200);
  expect((await post('application/graphql-response+json')).status).toBe(400);
});

test('a persisted query (APQ) is priced with each request’s variables', async () => {
  const sha256Hash = createHash('sha256').update(WITH_VARIABLE).digest('hex');
  const send = async (variables: Record<string, unknown>, withQuery: boolean) => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` },
      body: JSON.stringify({ ...(withQuery && { query: WITH_VARIABLE }), variables: { d: D, ...variables }, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    return (await res.json()) as Result;
  };
  expect(codes(await send({ n: 1 }, true))).toEqual([]);
  expect(codes(await send({ n: OK }, false))).toEqual([]);
  expect(codes(await send({ n: OVER }, false))).toEqual(['QUERY_TOO_COMPLEX']);
});

test('a connection asked for totalCount (and pageInfo) alone costs no page', async () => {
  // 1 + totalCount 1 + pageInfo (1 + 2): what a page of 100 would cost is not charged
  expect(codes(await gw.request(`{ ${orgs('first: 100', 'totalCount pageInfo { hasNextPage endCursor }')} }`))).toEqual([]);
  const r = await gw.request(`{ ${orgs('first: 100', 'totalCount nodes { __typename }')} }`);
  expect(r.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', actual: 103 });
});
