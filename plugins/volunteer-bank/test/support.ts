import { createTestGateway, SeededTree, TestGateway } from '@gongzhi/testing';
import { toGlobalId, type GongzhiPlugin } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';
import { PROGRAM } from '../src/program';

export const gid = toGlobalId;

export interface World {
  gw: TestGateway;
  tree: SeededTree;
  district: string;
  community: string;
}

export async function world(residentsPerCommunity = 10, others: GongzhiPlugin[] = []): Promise<World> {
  const gw = await createTestGateway({ plugins: [plugin, ...others] });
  const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity });
  await gw.enableProgram(tree.district.id, PROGRAM);
  return { gw, tree, district: gid('District', tree.district.id), community: gid('Community', tree.communities[0].id) };
}

/** Fails the test with the GraphQL errors when there are any. */
export async function ok<T = any>(gw: TestGateway, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gw.request<T>(query, variables);
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export async function registerVolunteer(gw: TestGateway, residentId: string): Promise<string> {
  const d = await ok(gw, `mutation($r: ID!) { registerVolunteer(input: { residentId: $r, skills: ["陪伴"] }) { id } }`,
    { r: gid('Resident', residentId) });
  return d.registerVolunteer.id;
}

export async function grant(gw: TestGateway, volunteerId: string, amount: number, key: string): Promise<any> {
  return ok(gw, `mutation($v: ID!, $a: Int!, $k: String!) {
    grantPoints(input: { volunteerId: $v, amount: $a, idempotencyKey: $k }) { transfer { id amount toBalanceAfter } } }`,
  { v: volunteerId, a: amount, k: key });
}

export async function balanceOf(gw: TestGateway, volunteerId: string): Promise<number> {
  const rows = await gw.sql<{ balance: number }>(
    `select a.balance from vb_account a where a.volunteer_id = $1 and a.kind = 'VOLUNTEER'`, [uuidOf(volunteerId)]);
  return rows[0].balance;
}

export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
}

/** Ledger invariants over the whole database; returns the violations (empty when sound). */
export async function ledgerViolations(gw: TestGateway): Promise<string[]> {
  const problems: string[] = [];
  const mismatched = await gw.sql<{ id: string; balance: number; net: number }>(`
    select a.id, a.balance, (coalesce((select sum(amount) from vb_transfer where to_account_id = a.id), 0)
      - coalesce((select sum(amount) from vb_transfer where from_account_id = a.id), 0))::int as net
    from vb_account a where a.kind <> 'ISSUANCE'`);
  for (const m of mismatched) if (m.balance !== m.net) problems.push(`account ${m.id}: balance ${m.balance} != transfers ${m.net}`);
  const negative = await gw.sql(`select id from vb_account where kind <> 'ISSUANCE' and balance < 0`);
  if (negative.length) problems.push(`${negative.length} negative balances`);
  const totals = await gw.sql<{ unit: string; issued: number; held: number }>(`
    select u.unit,
      (select coalesce(sum(t.amount), 0) from vb_transfer t join vb_account i on i.id = t.from_account_id where i.kind = 'ISSUANCE' and i.unit = u.unit)
      - (select coalesce(sum(t.amount), 0) from vb_transfer t join vb_account i on i.id = t.to_account_id where i.kind = 'ISSUANCE' and i.unit = u.unit) as issued,
      (select coalesce(sum(balance), 0) from vb_account where kind <> 'ISSUANCE' and unit = u.unit) as held
    from (values ('POINTS'), ('MINUTES')) u(unit)`);
  for (const t of totals) if (Number(t.issued) !== Number(t.held)) problems.push(`${t.unit}: issued ${t.issued} != held ${t.held}`);
  return problems;
}
