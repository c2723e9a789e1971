import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

test('serves the tree', async () => {
  const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 4 });
  const res = await gw.request(`query($id: ID!) { node(id: $id) { id ... on District { name divisionCode stats { residentCount careTagCounts { tag count } }
    streets { totalCount nodes { name communities { nodes { name grids { nodes { name } } } } } } } } }`, { id: toGlobalId('District', tree.district.id) });
  expect(res.errors).toBeUndefined();
  console.log(JSON.stringify(res.data, null, 1).slice(0, 1500), res.sqlCount);
});
