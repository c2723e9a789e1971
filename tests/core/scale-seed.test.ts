import { Client } from 'pg';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { FieldCrypto } from '@gongzhi/plugin-sdk/host';
import { TIANYUAN, allocate, seedScale, type ScaleShape } from '@gongzhi/core/src/seed/scale-seed';
import { recountAndRollup } from './tree-recount';

const SMALL: ScaleShape = {
  ...TIANYUAN, name: '小天元', divisionCode: '430299',
  streets: [{ name: '一街道', kind: 'STREET', communities: 3 }, { name: '二镇', kind: 'TOWN', communities: 2 }],
  grids: 17, households: 1_234, residents: 3_210, organizations: 40, socialWorkers: 25,
};

let gw: TestGateway;
let db: Client;
beforeAll(async () => {
  gw = await createTestGateway();
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await gw?.close();
});

const structures = async () => (await gw.sql(`select indexdef as d from pg_indexes where tablename = 'resident'
  union all select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'resident'::regclass order by 1`)).map((r) => r.d);

test('allocation adds up exactly at Tianyuan scale', () => {
  const w = Array.from({ length: TIANYUAN.grids }, (_, i) => 1 + (i % 7) / 3);
  const parts = allocate(TIANYUAN.residents, w);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(TIANYUAN.residents);
  expect(Math.min(...parts)).toBeGreaterThan(0);
});

test('builds the shape exactly, with valid-looking unique identity numbers stored encrypted, and restores indexes and keys', async () => {
  const before = await structures();
  const res = await seedScale(db, FieldCrypto.of(gw.orm.em), SMALL);
  expect(await structures()).toEqual(before);
  const [c] = await gw.sql(`select
      (select count(*) from street where district_id = $1)::int as streets,
      (select count(*) from community where district_id = $1)::int as communities,
      (select count(*) from grid where district_id = $1)::int as grids,
      (select sum(households) from grid where district_id = $1)::int as households,
      (select count(*) from resident where district_id = $1)::int as residents,
      (select count(distinct id_number_hash) from resident where district_id = $1)::int as distinct_ids,
      (select count(*) from resident where district_id = $1 and grid_id is null)::int as without_grid,
      (select count(*) from resident where district_id = $1 and id_number not like 'v_:%')::int as plaintext,
      (select count(*) from resident where district_id = $1 and 'ELDERLY_60' = any(care_tags))::int as elderly,
      (select count(*) from social_organization where district_id = $1)::int as organizations,
      (select count(*) from social_worker where district_id = $1)::int as workers,
      (select count(distinct organization_id) from social_organization_community where district_id = $1)::int as serving`, [res.districtId]);
  expect(c).toEqual({
    streets: 2, communities: 5, grids: 17, households: 1_234, residents: 3_210, distinct_ids: 3_210, without_grid: 0, plaintext: 0,
    elderly: expect.any(Number), organizations: 40, workers: 25, serving: 40,
  });
  expect(c.elderly / c.residents).toBeGreaterThan(0.12);
  expect(c.elderly / c.residents).toBeLessThan(0.3);
  // the bulk load kept the tree's figures as the triggers do for any write
  const { recount, rollup } = await recountAndRollup((q, p) => db.query(q, p));
  expect(rollup).toEqual(recount);

  // Read back through the graph as the platform admin (who may reveal): the gateway decrypts them.
  const out = await gw.request(`query($d: ID!) { residents(filter: { within: $d }, first: 50) { totalCount nodes { idNumber gender birthDate } } }`,
    { d: gw.gid('District', res.districtId) });
  expect(out.errors).toBeUndefined();
  expect(out.data.residents.totalCount).toBe(3_210);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  for (const r of out.data.residents.nodes as { idNumber: string; gender: string; birthDate: string }[]) {
    expect(r.idNumber).toMatch(/^430299\d{11}[\dX]$/);
    expect(r.idNumber.slice(6, 14)).toBe(r.birthDate.replace(/-/g, ''));
    expect(Number(r.idNumber[16]) % 2).toBe(r.gender === 'MALE' ? 1 : 0);
    const sum = weights.reduce((s, w, i) => s + w * Number(r.idNumber[i]), 0);
    expect(r.idNumber[17]).toBe('10X98765432'[sum % 11]);
  }
});
