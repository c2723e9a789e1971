import { TestClock, createTestGateway, type GraphQLResponse, type SeededTree, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';

/** A Monday; the clock starts at 08:00 Asia/Shanghai that day (lunch cutoff 09:30). */
export const DAY = '2030-03-04';
export const MORNING = new Date('2030-03-04T00:00:00Z');
export const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export const gid = toGlobalId;

export const M = {
  createCanteen: `mutation($input: CreateCanteenInput!) { createCanteen(input: $input) { id name seats openingDays capacity(date: "${DAY}") { meal capacity used remaining cutoff } } }`,
  saveMenu: `mutation($input: SaveMenuInput!) { saveDiningMenu(input: $input) { id status dishes { id name priceFen dietTags } } }`,
  publishMenu: `mutation($id: ID!) { publishDiningMenu(id: $id) { id status publishedAt } }`,
  enrol: `mutation($input: EnrolElderInput!) { enrolElder(input: $input) { id age80 lowIncome extremePoverty disabled livingAlone subsidyTiers subsidyPerMealFen } }`,
  order: `mutation($input: PlaceOrderInput!) { placeDiningOrder(input: $input) { id status mode priceFen subsidyFen payableFen subsidyTier placedBy } }`,
  cancel: `mutation($id: ID!) { cancelDiningOrder(id: $id, reason: "身体不适") { id status } }`,
  settings: `mutation($d: ID!, $v: JSONObject!) { updateProgramSettings(districtId: $d, program: "elderly-dining", values: $v) { values } }`,
};

export const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code as string | undefined;

/** The data of a response that must succeed. */
export async function ok<T = any>(gw: TestGateway, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gw.request<T>(query, variables);
  if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

export interface DiningWorld {
  gw: TestGateway;
  tree: SeededTree;
  districtGid: string;
  canteenId: string;
  menuId: string;
  dishIds: string[];
}

/** Gateway + district with the program on, one canteen serving every community, a published lunch menu on DAY. */
export async function setupDining(opts: { lunchCapacity?: number } = {}): Promise<DiningWorld> {
  const gw = await createTestGateway({ plugins: [plugin], clock: new TestClock(MORNING) });
  const tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 1 });
  await gw.enableProgram(tree.district.id, 'elderly-dining');
  const org = await gw.seed.organization({ districtId: tree.district.id, communityIds: tree.communities.map((c) => c.id) });
  const canteenId = await createCanteen(gw, tree, org.id, opts.lunchCapacity ?? 200);
  const { menuId, dishIds } = await publishLunch(gw, canteenId, DAY);
  return { gw, tree, districtGid: gid('District', tree.district.id), canteenId, menuId, dishIds };
}

export async function createCanteen(gw: TestGateway, tree: SeededTree, orgId: string, lunch: number, name = '幸福长者食堂'): Promise<string> {
  const data = await ok(gw, M.createCanteen, {
    input: {
      communityId: gid('Community', tree.communities[0].id), name, operatorKind: 'SOCIAL_ORGANIZATION',
      operatorOrganizationId: gid('SocialOrganization', orgId), seats: 60, openingDays: ALL_DAYS,
      capacity: { breakfast: 0, lunch, dinner: 50 }, servedCommunityIds: tree.communities.map((c) => gid('Community', c.id)),
    },
  });
  return data.createCanteen.id;
}

export async function publishLunch(gw: TestGateway, canteenId: string, date: string): Promise<{ menuId: string; dishIds: string[] }> {
  const saved = await ok(gw, M.saveMenu, {
    input: {
      canteenId, date, meal: 'LUNCH',
      dishes: [
        { name: '清蒸鲈鱼', priceFen: 1000, dietTags: ['LOW_SALT', 'SOFT'] },
        { name: '清炒时蔬', priceFen: 500, dietTags: ['VEGETARIAN'] },
      ],
    },
  });
  await ok(gw, M.publishMenu, { id: saved.saveDiningMenu.id });
  return { menuId: saved.saveDiningMenu.id, dishIds: saved.saveDiningMenu.dishes.map((d: { id: string }) => d.id) };
}

/** Seeds `n` residents aged 60+ in the district's first community and enrols them; returns resident global ids. */
export async function enrolElders(w: DiningWorld, n: number, careTags: string[] = [], birthDate = '1945-05-01'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await w.gw.seed.resident({ communityId: w.tree.communities[i % w.tree.communities.length].id, birthDate, careTags, name: `老人${i}` });
    ids.push(gid('Resident', r.id));
  }
  await inBatches(ids, 10, (residentId) => ok(w.gw, M.enrol, { input: { residentId, canteenId: w.canteenId, deliveryAddress: '幸福路1号' } }));
  return ids;
}

export function placeLunch(w: DiningWorld, residentId: string, mode: 'DINE_IN' | 'DELIVERY' = 'DINE_IN', date = DAY) {
  return w.gw.request(M.order, { input: { residentId, date, meal: 'LUNCH', mode } });
}
