import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScopeLevel } from '@gongzhi/plugin-sdk';
import { AccountEntity, CommunityEntity, GridEntity, ResidentEntity, RoleGrantEntity, SocialOrganizationEntity, StreetEntity, type DistrictEntity } from '../entities';
import { hashPassword } from '../identity/passwords';
import { CoreRole } from '../identity/roles';
import { DEMO_ANCHORS } from './demo-tree';

/** Password of every demo account (development only; listed in README). */
export const DEMO_PASSWORD = 'gongzhi-demo-2026';

/** One account per core role in the demo district, so each role can be tried in GraphiQL. */
export async function seedDemoAccounts(orm: MikroORM, district: DistrictEntity): Promise<void> {
  const em = orm.em.fork();
  if (await em.findOne(AccountEntity, { username: 'admin' })) return;
  const street = await em.findOneOrFail(StreetEntity, { districtId: district.id, name: DEMO_ANCHORS.street });
  const community = await em.findOneOrFail(CommunityEntity, { streetId: street.id, name: DEMO_ANCHORS.community });
  const grid = await em.findOneOrFail(GridEntity, { communityId: community.id, name: DEMO_ANCHORS.grid });
  const org = await em.findOneOrFail(SocialOrganizationEntity, { districtId: district.id, name: DEMO_ANCHORS.organization });
  // Any resident of the community will do; ordered by id (not by name: collation-dependent).
  const resident = await em.findOneOrFail(ResidentEntity, { communityId: community.id }, { orderBy: { id: 'asc' } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: [string, string, CoreRole, ScopeLevel, string | null][] = [
    ['admin', '平台管理员', CoreRole.PLATFORM_ADMIN, 'PLATFORM', null],
    ['district.admin', '青溪区民政局', CoreRole.DISTRICT_ADMIN, 'DISTRICT', null],
    ['street.staff', `${street.name}工作人员`, CoreRole.STREET_STAFF, 'STREET', street.id],
    ['community.worker', `${community.name}社工站`, CoreRole.COMMUNITY_WORKER, 'COMMUNITY', community.id],
    ['grid.worker', `${grid.name}网格员`, CoreRole.GRID_WORKER, 'GRID', grid.id],
    ['org.staff', org.name, CoreRole.ORG_STAFF, 'ORGANIZATION', org.id],
    ['social.worker', '驻站社工', CoreRole.SOCIAL_WORKER, 'COMMUNITY', community.id],
    ['resident', resident.name, CoreRole.RESIDENT, 'COMMUNITY', community.id],
  ];
  await em.transactional(async (tx) => {
    for (const [username, displayName, role, level, scopeId] of accounts) {
      const a = tx.create(AccountEntity, { username, displayName, passwordHash, residentId: role === CoreRole.RESIDENT ? resident.id : null });
      tx.create(RoleGrantEntity, { accountId: a.id, role, scopeLevel: level, districtId: level === 'PLATFORM' ? null : district.id, scopeId });
    }
  });
}
