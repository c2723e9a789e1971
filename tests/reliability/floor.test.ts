import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/** The request floor: a signed-in `{ __typename }` sends no SQL (identity cached, no transaction). */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

test('a request that touches no table sends 0 SQL statements once the session is cached; others still run in the tenant transaction', async () => {
  const first = await gw.request(`{ __typename }`);
  const warm = await gw.request(`{ __typename }`);
  expect(first.data).toEqual({ __typename: 'Query' });
  expect(warm.sqlCount).toBe(0);
  expect((await gw.request(`{ __schema { queryType { name } } }`)).sqlCount).toBe(0);
  const scoped = await gw.request(`{ __typename sessionScope { databaseRole } }`);
  expect(scoped.data.sessionScope.databaseRole).toBe('gongzhi_app');
  expect(scoped.sqlCount).toBeGreaterThan(0);
  process.stdout.write(`floor: { __typename } signed in: ${first.sqlCount} SQL statements on the first request of a session, ${warm.sqlCount} after\n`);
});
