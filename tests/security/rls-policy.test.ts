import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import dining from '@gongzhi/plugin-elderly-dining';
import volunteerBank from '@gongzhi/plugin-volunteer-bank';

/**
 * The tenant policy itself, on every protected table: exactly the districts of the
 * setting (first, later ones, all with `*`, none when unset), read once per statement.
 */
let gw: TestGateway;
const ids: string[] = [];
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [dining, volunteerBank] });
  for (const code of ['350102', '350103', '350104']) ids.push((await gw.seed.tree({ divisionCode: code, streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 2 })).district.id);
});
afterAll(() => gw?.close());

async function visible(setting: string | null, sql: string): Promise<string[]> {
  return gw.em().transactional(async (tx) => {
    await tx.execute(`set local role gongzhi_app`);
    if (setting !== null) await tx.execute(`select set_config('gongzhi.districts', ?, true)`, [setting === '' ? '' : gw.tenantSetting(setting === '*' ? '*' : setting.split(','))]);
    return (await tx.execute<{ d: string }[]>(sql)).map((r) => r.d).sort();
  });
}

test('a setting of one, several, all or no districts shows exactly those rows', async () => {
  const residents = `select distinct district_id::text as d from resident`;
  const [a, b, c] = ids;
  expect(await visible(a, residents)).toEqual([a]);
  expect(await visible(`${b},${c}`, residents)).toEqual([b, c].sort());
  expect(await visible(`${c},${a}`, residents)).toEqual([a, c].sort());
  expect(await visible('*', residents)).toEqual([...ids].sort());
  expect(await visible(null, residents)).toEqual([]);
  expect(await visible('', residents)).toEqual([]);
  expect(await visible(a, `select id::text as d from district`)).toEqual([a]);
  // writes are checked too: no row may be moved into a district outside the setting
  await expect(visible(a, `update resident set district_id = '${b}' where district_id = '${a}' returning id as d`)).rejects.toThrow(/row-level security/);
});

test('every tenant table has the policy, and its setting is read once per statement (init plans)', async () => {
  const policies = await gw.sql(`select tablename, qual from pg_policies where policyname = 'tenant_isolation'`);
  const tenant = await gw.sql(`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'district_id'
    and table_name not like 'mikro_orm%'`);
  expect(policies.map((p) => p.tablename).sort()).toEqual([...tenant.map((t) => t.table_name), 'district', 'account'].sort());
  const rls = await gw.sql(`select relname from pg_class where relname in ('account', 'role_grant', 'refresh_token') and relrowsecurity`);
  expect(rls.map((r) => r.relname).sort()).toEqual(['account', 'refresh_token', 'role_grant']);
  for (const p of policies) expect(p.qual).not.toMatch(/gongzhi_visible\(/);
  const plan = await gw.em().transactional(async (tx) => {
    await tx.execute(`set local role gongzhi_app`);
    await tx.execute(`select set_config('gongzhi.districts', ?, true)`, [gw.tenantSetting([ids[0]])]);
    return (await tx.execute<{ 'QUERY PLAN': string }[]>(`explain (costs off) select count(*) from resident`)).map((r) => r['QUERY PLAN']).join('\n');
  });
  expect(plan).toMatch(/InitPlan/);
  expect(plan).not.toMatch(/current_setting|gongzhi_visible_ids\(\)/);
});
