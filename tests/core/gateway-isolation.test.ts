import { printSchema } from 'graphql';
import { Community, getMetadataStorage } from '@gongzhi/plugin-sdk';
import fixture from '@gongzhi/fixture-plugin';
import volunteerBank from '@gongzhi/plugin-volunteer-bank';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { schemaWith } from '@gongzhi/core/src/schema/plugin-sdl';

/** Two gateways in one process, started at the same time with different plugins and page sizes. */
let a: TestGateway;
let b: TestGateway;
beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestGateway({ plugins: [fixture], config: { pageSizeDefault: 2, pageSizeMax: 5 } }),
    createTestGateway({ plugins: [volunteerBank], config: { pageSizeDefault: 3, pageSizeMax: 50 } }),
  ]);
  await Promise.all([a, b].map((gw) => gw.seed.tree({ streets: 1, communitiesPerStreet: 6, residentsPerCommunity: 0 })));
});
afterAll(() => Promise.all([a?.close(), b?.close()]));

const communityFields = async (gw: TestGateway) =>
  ((await gw.request(`{ __type(name: "Community") { fields { name } } }`)).data.__type.fields as { name: string }[]).map((f) => f.name);
const communities = (gw: TestGateway, first?: number) =>
  gw.request(`query($n: Int) { communities(first: $n) { nodes { id } } }`, { n: first ?? null });

test('each graph holds exactly the fields of its own plugins', async () => {
  const [fa, fb] = await Promise.all([communityFields(a), communityFields(b)]);
  expect(fa).toContain('fixtureNotes');
  expect(fa).not.toContain('volunteerTeams');
  expect(fb).toContain('volunteerTeams');
  expect(fb).not.toContain('fixtureNotes');
});

test('each gateway applies its own page sizes', async () => {
  expect((await communities(a)).data.communities.nodes).toHaveLength(2);
  expect((await communities(b)).data.communities.nodes).toHaveLength(3);
  const tooMany = await communities(a, 6);
  expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(tooMany.errors?.[0].message).toContain('at most 5');
  expect((await communities(b, 6)).data.communities.nodes).toHaveLength(6);
});

test('building more schemas later changes neither gateway nor the declared metadata', async () => {
  const before = printSchema(a.gateway.schema);
  const bare = await schemaWith([]);
  const both = await schemaWith([fixture, volunteerBank]);
  expect(Object.keys((bare.getType('Community') as any).getFields())).not.toContain('fixtureNotes');
  expect(Object.keys((both.getType('Community') as any).getFields())).toEqual(expect.arrayContaining(['fixtureNotes', 'volunteerTeams']));
  expect(printSchema(a.gateway.schema)).toBe(before);
  const declared = (getMetadataStorage() as any).objectTypes.find((t: { target: Function }) => t.target === Community);
  expect(declared.fields).toBeUndefined();
  expect(await communityFields(a)).not.toContain('volunteerTeams');
});

test('services are assembled once per gateway, complete and frozen', () => {
  expect(a.gateway.services).not.toBe(b.gateway.services);
  expect(Object.isFrozen(a.gateway.services)).toBe(true);
  expect(a.gateway.services.dashboards).toBeDefined();
  expect(a.gateway.services.programs.plugins.map((p) => p.name)).toEqual(['fixture']);
  expect(b.gateway.services.programs.plugins.map((p) => p.name)).toEqual(['volunteer-bank']);
});
