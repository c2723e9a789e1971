import { CommunityEntity, StreetEntity } from '@gongzhi/core';
import { sqlCounter } from '@gongzhi/core/src/db/orm';
import { LoaderRegistry } from '@gongzhi/core/src/services/loaders';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import {
  TEXT_ARRAY, byId, conflictOn, filterOfNode, flushOrConflict, loadFresh, loadGrouped, loadOrFail, scopeWhere, scopeWhereSql,
  sqlRow, sqlRows, sqlRun, textArray, violatesConstraint, type EntityManager,
} from '../src';

/** The toolkit against a real PostgreSQL: its own table with a unique and an exclusion constraint, and the core tree. */
let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

beforeAll(async () => {
  gw = await createTestGateway();
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 5, residentsPerCommunity: 0 });
  await gw.sql(`create extension if not exists btree_gist;
    create table kit_booking (id serial primary key, room text not null, slot tstzrange not null, ref text not null unique,
      constraint kit_booking_no_overlap exclude using gist (room with =, slot with &&))`);
});
afterAll(() => gw?.close());

const ctxOf = (em: EntityManager = gw.em() as never) => {
  const loaders = new LoaderRegistry();
  return { em, loader: loaders.get.bind(loaders) };
};

/** SQL statements `work` runs. */
async function counted<T>(work: () => Promise<T>): Promise<[T, number]> {
  const store = { count: 0 };
  const result = await sqlCounter.run(store, work);
  return [result, store.count];
}

const book = (em: EntityManager, room: string, from: string, to: string, ref: string) =>
  sqlRow<{ id: number }>(em, `insert into kit_booking (room, slot, ref) values (?, tstzrange(?, ?), ?) returning id`, [room, from, to, ref]);

test('sqlRows / sqlRow / sqlRun run on the caller\'s transaction, typed', async () => {
  await gw.em().transactional(async (tx) => {
    const row = await book(tx as never, 'A', '2026-12-03T01:00:00Z', '2026-12-03T02:00:00Z', 'r1');
    expect(typeof row!.id).toBe('number');
    expect(await sqlRun(tx as never, `update kit_booking set room = room where room = ?`, ['A'])).toBe(1);
    expect(await sqlRows(tx as never, `select ref from kit_booking where ref = any(${TEXT_ARRAY})`, [textArray(['r1', 'none'])])).toEqual([{ ref: 'r1' }]);
    // not visible outside the transaction until it commits
    expect(await gw.sql(`select * from kit_booking where ref = 'r1'`)).toEqual([]);
    throw new Error('roll back');
  }).catch((e) => expect(String(e)).toContain('roll back'));
  expect(await sqlRow(gw.em() as never, `select * from kit_booking where ref = ?`, ['r1'])).toBeNull();
});

test('unique and exclusion refusals become CONFLICT; other errors pass through', async () => {
  const em = gw.em() as unknown as EntityManager;
  await book(em, 'B', '2026-12-03T01:00:00Z', '2026-12-03T02:00:00Z', 'b1');
  const dup = await conflictOn(() => book(em, 'B', '2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z', 'b1'), 'taken', 'kit_booking_ref_key').catch((e) => e);
  expect(dup.extensions).toMatchObject({ code: 'CONFLICT' });
  expect(dup.message).toBe('taken');
  const overlap = await conflictOn(() => book(em, 'B', '2026-12-03T01:30:00Z', '2026-12-03T03:00:00Z', 'b2'), 'overlaps', 'kit_booking_no_overlap').catch((e) => e);
  expect(overlap.extensions).toMatchObject({ code: 'CONFLICT' });
  // a refusal by another constraint than the one named is not this conflict
  const other = await conflictOn(() => book(em, 'B', '2026-12-03T01:30:00Z', '2026-12-03T03:00:00Z', 'b1'), 'x', 'kit_booking_no_overlap').catch((e) => e);
  expect(violatesConstraint(other)).toBe(true);
  const broken = await conflictOn(() => sqlRows(em, 'select * from no_such_table'), 'x').catch((e) => e);
  expect(broken.extensions?.code).toBeUndefined();
  expect(violatesConstraint(broken)).toBe(false);
});

test('of 12 concurrent overlapping bookings one commits, the rest get CONFLICT', async () => {
  const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => gw.em().transactional((tx) =>
    conflictOn(() => book(tx as never, 'C', `2026-12-05T0${i % 3}:00:00Z`, '2026-12-05T05:00:00Z', `c${i}`), 'room taken', 'kit_booking_no_overlap'))));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { extensions?: { code?: string } }).extensions?.code] : []));
  expect(new Set(codes)).toEqual(new Set(['CONFLICT']));
});

test('flushOrConflict turns a unit-of-work refusal into the given error', async () => {
  const em = gw.em();
  em.create(StreetEntity, { ...tree.streets[0], id: undefined, name: tree.streets[0].name } as never);
  const e = await flushOrConflict(em as never, () => new Error('named')).catch((x) => x);
  // a duplicate street name in the district is refused by its unique key
  expect(String(e)).toContain('named');
});

test('byId batches a list into one statement per tick, whatever its length', async () => {
  const ids = tree.communities.map((c) => c.id);
  for (const n of [1, 3, ids.length]) {
    const ctx = ctxOf();
    const [rows, statements] = await counted(() => Promise.all(ids.slice(0, n).map((id) => byId(ctx, CommunityEntity).load(id))));
    expect(rows.map((r) => r!.id)).toEqual(ids.slice(0, n));
    expect(statements).toBe(1);
  }
  const ctx = ctxOf();
  expect(await byId(ctx, CommunityEntity).load('00000000-0000-4000-8000-000000000000')).toBeNull();
  expect((await loadOrFail(ctx, CommunityEntity, '00000000-0000-4000-8000-000000000000', 'Community').catch((e) => e)).extensions).toMatchObject({ code: 'NOT_FOUND' });
  // cached for the operation, refreshed by loadFresh
  await byId(ctx, CommunityEntity).load(ids[0]);
  const [, again] = await counted(() => byId(ctx, CommunityEntity).load(ids[0]));
  expect(again).toBe(0);
  await gw.sql(`update community set name = name || '改' where id = $1`, [ids[0]]);
  expect((await loadFresh(ctx, CommunityEntity, ids[0])).name).toMatch(/改$/);
});

test('loadGrouped: rows of many keys in one statement', async () => {
  const ctx = ctxOf();
  const byStreet = loadGrouped<string>(ctx, 'kit-test:communities-by-street', async (streetIds) =>
    (await sqlRows<{ street_id: string; id: string }>(ctx.em, 'select street_id, id from community where street_id in (?) order by name', [[...streetIds]]))
      .map((r) => [r.street_id, r.id]));
  const [lists, statements] = await counted(() => Promise.all([...tree.streets.map((s) => byStreet.load(s.id)), byStreet.load('00000000-0000-4000-8000-000000000000')]));
  expect(statements).toBe(1);
  expect(lists.map((l) => l.length)).toEqual([5, 5, 0]);
});

test('scope filters: one node or grants, as a where and as SQL, select the same rows', async () => {
  const em = gw.em();
  const street = tree.streets[0];
  const community = tree.communities.find((c) => c.streetId === street.id)!;
  const cases = [
    filterOfNode({ districtId: tree.district.id }),
    filterOfNode({ districtId: tree.district.id, streetId: street.id }),
    filterOfNode({ districtId: tree.district.id, streetId: street.id, communityId: community.id }),
    { all: false, districtIds: [], streetIds: [tree.streets[1].id], communityIds: [community.id], gridIds: [], organizationIds: [] },
    { all: false, districtIds: [], streetIds: [], communityIds: [], gridIds: [], organizationIds: [] },
  ];
  const sizes: number[] = [];
  for (const f of cases) {
    const viaOrm = (await em.find(CommunityEntity, { districtId: tree.district.id, ...scopeWhere(f, { district: 'districtId', street: 'streetId', community: 'id' }) })).map((c) => c.id).sort();
    const where = scopeWhereSql(f, 'c', { district: 'district_id', street: 'street_id', community: 'id' });
    const viaSql = (await sqlRows<{ id: string }>(em as never, `select c.id from community c where c.district_id = ? and ${where.sql}`, [tree.district.id, ...where.params])).map((r) => r.id).sort();
    expect(viaSql).toEqual(viaOrm);
    sizes.push(viaOrm.length);
  }
  expect(sizes).toEqual([10, 5, 1, 6, 0]);
});
