import { auditServer, type AuditResult } from 'graphql-http';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * GraphQL over HTTP (the spec's MUSTs and SHOULDs), checked by graphql-http's audit suite
 * and by the status rule it cannot see from outside: `application/json` answers every
 * well-formed request 200 (parse, validation and variable errors included), while
 * `application/graphql-response+json` keeps 4xx for a response without `data`.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

test('graphql-http audit: no MUST failure, no warning', async () => {
  const results = await auditServer({ url: gw.url });
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const list = (status: AuditResult['status']) => results.flatMap((r) => (r.status === status && r.status !== 'ok' ? [`${r.name}: ${r.reason}`] : []));
  const notices = list('notice');
  process.stdout.write(`graphql-http audit: ${count('ok')}/${results.length} ok, ${count('warn')} warnings, ${count('error')} errors, ${count('notice')} notices\n${notices.join('\n')}\n`);
  expect(list('error')).toEqual([]);
  expect(list('warn')).toEqual([]);
});

const post = (accept: string | null, body: unknown) =>
  fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: JSON.stringify(body) });

const REQUEST_ERRORS = {
  parse: { query: '{ platform {' },
  validation: { query: '{ noSuchField }' },
  variables: { query: 'query($n: Int!) { __typename @include(if: true) }', variables: { n: 'not a number' } },
  'unstorable variable text': { query: 'query($s: String) { __typename }', variables: { s: 'a\u0000b' } },
};

describe.each(Object.entries(REQUEST_ERRORS))('a %s error', (_name, body) => {
  test('is 200 with errors for application/json (and without Accept)', async () => {
    for (const accept of ['application/json', null, 'application/json, application/graphql-response+json;q=0.9']) {
      const res = await post(accept, body);
      expect([accept, res.status, res.headers.get('content-type')]).toEqual([accept, 200, expect.stringMatching(/^application\/json/)]);
      const json = await res.json();
      expect(json.errors?.length).toBeGreaterThan(0);
      expect(json).not.toHaveProperty('data');
    }
  });

  test('is 400 for application/graphql-response+json', async () => {
    for (const accept of ['application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9']) {
      const res = await post(accept, body);
      expect([accept, res.status, res.headers.get('content-type')]).toEqual([accept, 400, expect.stringMatching(/^application\/graphql-response\+json/)]);
    }
  });
});

test('statuses that are not about the GraphQL request stay what they are for application/json', async () => {
  const rejected = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"query": ' });
  expect(rejected.status).toBe(400); // not JSON: not a well-formed GraphQL-over-HTTP request
  for (const query of [1, true, null]) expect([query, (await post('application/json', { query })).status]).toEqual([query, 400]); // no query string: neither
  const unauthenticated = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer nope' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(unauthenticated.status).toBe(401);
  const mutationByGet = await fetch(`${gw.url}?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
  expect(mutationByGet.status).toBe(405);
});
