import { sqlRow, type EntityManager } from '@gongzhi/plugin-sdk';

/** A demo account of the district to record demo rows under (a community worker's when there is one). */
export async function demoAccountOf(em: EntityManager, districtId: string): Promise<string | null> {
  const row = await sqlRow<{ id: string }>(em,
    `select account_id as id from role_grant where district_id = ? order by (role = 'COMMUNITY_WORKER') desc, granted_at, id limit 1`, [districtId]);
  return row?.id ?? null;
}
