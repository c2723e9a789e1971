import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { MAX_OF_TYPE_CHAIN } from '@gongzhi/core/src/security/limits';

/**
 * The introspection queries standard clients send pass the default depth and cost limits
 * (development mode), while introspection shaped for abuse is still refused.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

/** As GraphiQL 3's fetcher posts it: operationName, its Accept header, the admin's token. */
async function post(query: string, operationName: string | null = null, accept = 'application/json, multipart/mixed') {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${gw.adminToken}` },
    body: JSON.stringify({ query, operationName, variables: null }),
  });
  return { status: res.status, body: (await res.json()) as { data?: IntrospectionQuery; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const CLIENTS: [string, string][] = [
  ['graphql-js getIntrospectionQuery()', getIntrospectionQuery()],
  // @graphiql/react 0.29 (GraphiQL 3.9, served at /graphiql)
  ['GraphiQL', getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true })],
  // every option on: graphql-codegen's URL loader, Altair and Apollo Sandbox ask for these fields
  ['codegen / Altair / Sandbox', getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })],
  // graphql-playground and Postman: seven ofType levels
  ['Playground / Postman', getIntrospectionQuery({ typeDepth: 7 })],
];

test.each(CLIENTS)('%s: passes the limits and yields a usable schema', async (_client, query) => {
  const { status, body } = await post(query, 'IntrospectionQuery');
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  const schema = buildClientSchema(body.data!);
  expect(schema.getQueryType()?.getFields().districts).toBeDefined();
});

test('over graphql-ws too', async () => {
  const client = gw.wsClient();
  const result = await new Promise<any>((resolve) => client.subscribe({ query: getIntrospectionQuery() }, { next: resolve, error: (errors) => resolve({ errors }), complete: () => undefined }));
  expect(result.errors).toBeUndefined();
  expect(result.data.__schema.types.length).toBeGreaterThan(50);
});

const ofTypes = (n: number) => `{ __type(name: "District") { fields { type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } }`;

describe('abusive introspection is refused', () => {
  test(`an ofType chain: ${MAX_OF_TYPE_CHAIN} levels pass, one more is QUERY_TOO_COMPLEX`, async () => {
    expect((await post(ofTypes(MAX_OF_TYPE_CHAIN))).body.errors).toBeUndefined();
    const over = (await post(ofTypes(MAX_OF_TYPE_CHAIN + 1))).body;
    expect(over.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(over.data).toBeUndefined();
  });

  test('nested introspection lists (fields { type { fields { type { fields …)', async () => {
    const nested = await post('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(nested.body.errors?.[0].message).toMatch(/introspection depth/i);
    expect(nested.body.data).toBeUndefined();
    // the same through fragments and ofType, so neither hides the nesting
    const hidden = await post(`{ __type(name: "District") { ...F } }
      fragment F on __Type { fields { type { ofType { ...G } } } }
      fragment G on __Type { interfaces { possibleTypes { name } } }`);
    expect(hidden.body.errors?.[0].message).toMatch(/introspection depth/i);
  });

  test('many introspections in one request hit the alias limit', async () => {
    const many = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    expect((await post(many(gw.gateway.config.limits.aliases))).body.errors).toBeUndefined();
    expect((await post(many(gw.gateway.config.limits.aliases + 1))).body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('outside introspection depth counts as before: one level over the limit is refused', async () => {
    const { depth } = gw.gateway.config.limits;
    const chain = ['districts(first: 1)', 'nodes', ...Array.from({ length: depth }, () => ['streets(first: 1)', 'nodes', 'district']).flat()].slice(0, depth);
    const query = (n: number) => chain.slice(0, n).reduceRight((inner, field) => `${field} { ${inner} }`, '__typename');
    expect((await post(`{ ${query(depth - 1)} }`)).body.errors).toBeUndefined();
    expect((await post(`{ ${query(depth)} }`)).body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
