import { sqlRow, sqlRows, type EntityManager, type SeedContext } from '@gongzhi/plugin-sdk';
import { AccountKind, LedgerUnit, TransferKind } from './graphql/enums.type';
import { fingerprintOf } from './services/fingerprint';
import { issuanceAccount, move } from './services/ledger.service';
import { starLevelSql } from './services/volunteer.service';

const CATEGORIES = ['ELDERLY_CHILD_CARE', 'HEALTH', 'CULTURE_SPORTS', 'PATROL', 'POLICY', 'MEDIATION'];
const WISHES = ['一台收音机', '陪伴聊天一下午', '修理漏水的水龙头', '一套小学辅导书', '陪同去医院复查'];
const ITEMS: [string, number, number][] = [['大米 5kg', 200, 50], ['食用油 1.8L', 150, 40], ['毛巾', 30, 200], ['洗衣液', 80, 100]];

/**
 * Demo data for the demo district: volunteers, teams, past activities with verified
 * hours (and their points), wishes, a store with items and a few redemptions.
 * Idempotent: does nothing when the district already has volunteers.
 */
export async function seed({ em, districtId }: SeedContext): Promise<void> {
  if (await sqlRow(em, 'select 1 from vb_volunteer where district_id = ? limit 1', [districtId])) return;
  const communities = await sqlRows<{ id: string; street_id: string }>(em,
    'select id, street_id from community where district_id = ? order by name limit 4', [districtId]);
  const points = await issuanceAccount(em, districtId, LedgerUnit.POINTS);
  let n = 0;
  for (const c of communities) {
    const residents = await sqlRows<{ id: string; name: string }>(em,
      'select id, name from resident where community_id = ? order by name limit 12', [c.id]);
    const volunteers: { id: string; account: string }[] = [];
    for (const r of residents) {
      const v = await sqlRow<{ id: string }>(em, `insert into vb_volunteer (district_id, street_id, community_id, resident_id, name, skills, service_areas)
        values (?, ?, ?, ?, ?, '{陪伴,维修}', '{助老}') returning id`, [districtId, c.street_id, c.id, r.id, r.name]);
      const a = await sqlRow<{ id: string }>(em, `insert into vb_account (district_id, kind, unit, volunteer_id)
        values (?, 'VOLUNTEER', 'POINTS', ?) returning id`, [districtId, v!.id]);
      await sqlRows(em, `insert into vb_account (district_id, kind, unit, volunteer_id) values (?, 'TIME_BANK', 'MINUTES', ?)`, [districtId, v!.id]);
      volunteers.push({ id: v!.id, account: a!.id });
    }
    if (!volunteers.length) continue;
    const team = await sqlRow<{ id: string }>(em, `insert into vb_team (district_id, street_id, community_id, name, leader_volunteer_id)
      values (?, ?, ?, '社区志愿服务队', ?) returning id`, [districtId, c.street_id, c.id, volunteers[0].id]);
    for (const v of volunteers) await sqlRows(em, 'insert into vb_team_member (team_id, volunteer_id) values (?, ?)', [team!.id, v.id]);
    for (let i = 0; i < 3; i++, n++) {
      const act = await sqlRow<{ id: string }>(em, `insert into vb_activity (district_id, street_id, community_id, title, category, place, starts_at, ends_at, capacity, signed_up)
        values (?, ?, ?, ?, ?, '社区党群服务中心', now() - make_interval(days => ?), now() - make_interval(days => ?) + interval '2 hours', 20, ?) returning id`,
      [districtId, c.street_id, c.id, `微行动 ${n + 1}`, CATEGORIES[n % CATEGORIES.length], 3 + i * 7, 3 + i * 7, volunteers.length]);
      for (const v of volunteers) {
        const s = await sqlRow<{ id: string }>(em, `insert into vb_sign_up (district_id, activity_id, volunteer_id, status, checked_in_at, checked_out_at, verified_minutes, verified_at, verification_key, verification_fingerprint)
          select ?, ?, ?, 'VERIFIED', a.starts_at, a.ends_at, 120, a.ends_at, ?, 'seed' from vb_activity a where a.id = ? returning id`,
        [districtId, act!.id, v.id, `seed:${act!.id}:${v.id}`, act!.id]);
        await sqlRow(em, `update vb_volunteer set verified_minutes = verified_minutes + 120, star_level = ${starLevelSql('(verified_minutes + 120)')}
          where id = ? returning id`, [v.id]);
        await seedMove(em, districtId, points.id, v.account, 20, `seed:${s!.id}`);
      }
    }
    for (const [i, text] of WISHES.entries()) {
      const r = residents[i % residents.length];
      await sqlRows(em, `insert into vb_wish (district_id, street_id, community_id, resident_id, category, description, requested_by)
        values (?, ?, ?, ?, ?, ?, current_date + ?)`, [districtId, c.street_id, c.id, r.id, i % 2 ? 'COMPANIONSHIP' : 'DAILY_NEEDS', text, 10 + i]);
    }
    const store = await sqlRow<{ id: string }>(em, `insert into vb_store (district_id, street_id, community_id, name)
      values (?, ?, ?, '爱心超市') returning id`, [districtId, c.street_id, c.id]);
    await sqlRows(em, `insert into vb_account (district_id, kind, unit, store_id) values (?, 'STORE', 'POINTS', ?)`, [districtId, store!.id]);
    for (const [name, price, stock] of ITEMS) {
      await sqlRows(em, 'insert into vb_store_item (district_id, store_id, name, points_price, stock) values (?, ?, ?, ?, ?)',
        [districtId, store!.id, name, price, stock]);
    }
  }
}

async function seedMove(em: EntityManager, districtId: string, from: string, to: string, amount: number, key: string) {
  await move(em, {
    districtId, from: { id: from, kind: AccountKind.ISSUANCE }, to: { id: to, kind: AccountKind.VOLUNTEER },
    amount, unit: LedgerUnit.POINTS, kind: TransferKind.SERVICE_HOURS, idempotencyKey: key,
    fingerprint: fingerprintOf('seed', { key }), memo: '示例数据 / Demo history',
  });
}
