import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CertificationLevel, CommunityKind, EmployerKind, OrgCategory, OrgRegistration, PostType, StreetKind,
} from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, OrganizationCommunityEntity, ResidentEntity,
  SocialOrganizationEntity, SocialWorkerEntity, StreetEntity,
} from '../entities';
import { chineseName, residentProfile, rng } from './people-generator';

export const DEMO_DIVISION_CODE = '330199';

const TREE: { name: string; kind: StreetKind; communities: string[] }[] = [
  { name: '长河街道', kind: StreetKind.STREET, communities: ['江二社区', '长河社区', '山一社区', '塘子堰社区'] },
  { name: '西兴街道', kind: StreetKind.STREET, communities: ['湘湖社区', '闻涛社区', '西兴社区'] },
  { name: '浦沿街道', kind: StreetKind.STREET, communities: ['东冠社区', '新生社区', '浦沿社区'] },
  { name: '白马湖镇', kind: StreetKind.TOWN, communities: ['白马湖村', '冠山村', '联庄村'] },
];

/**
 * Where the demo accounts are granted (README lists them; a test keeps the two equal).
 * Named, never "the first by name": that order depends on the database's collation.
 */
export const DEMO_ANCHORS = {
  street: '长河街道',
  community: '江二社区',
  grid: '第1网格',
  organization: '青溪区乐龄养老服务中心',
} as const;

const ORGS: [string, OrgRegistration, OrgCategory][] = [
  ['青溪区乐龄养老服务中心', OrgRegistration.REGISTERED, OrgCategory.SOCIAL_SERVICES],
  ['青溪区阳光志愿者协会', OrgRegistration.REGISTERED, OrgCategory.CHARITY],
  ['江二社区书香读书会', OrgRegistration.FILED, OrgCategory.COMMUNITY_BASED],
  ['湘湖社区夕阳红舞蹈队', OrgRegistration.FILED, OrgCategory.COMMUNITY_BASED],
  ['青溪区明德社会工作服务社', OrgRegistration.REGISTERED, OrgCategory.SOCIAL_SERVICES],
  ['白马湖镇邻里互助队', OrgRegistration.FILED, OrgCategory.COMMUNITY_BASED],
];

/** The demo district 青溪区: 4 streets/towns, 13 communities/villages, grids, ~400 residents. */
export async function buildDemoTree(em: EntityManager): Promise<DistrictEntity> {
  const r = rng(2026);
  const district = em.create(DistrictEntity, { name: '青溪区', divisionCode: DEMO_DIVISION_CODE });
  const communities: CommunityEntity[] = [];
  let serial = 0;
  for (const s of TREE) {
    const street = em.create(StreetEntity, { districtId: district.id, name: s.name, kind: s.kind });
    for (const cname of s.communities) {
      const kind = s.kind === StreetKind.TOWN ? CommunityKind.RURAL : CommunityKind.URBAN;
      const c = em.create(CommunityEntity, { districtId: district.id, streetId: street.id, name: cname, kind });
      communities.push(c);
      const grids = [1, 2, 3].map((n) =>
        em.create(GridEntity, {
          districtId: district.id, streetId: street.id, communityId: c.id, name: `第${n}网格`,
          leaderName: chineseName(r), households: 300 + Math.floor(r() * 200),
        }),
      );
      for (let i = 0; i < 30; i++) {
        const p = residentProfile(r, DEMO_DIVISION_CODE, serial++);
        const grid = grids[i % grids.length];
        em.create(ResidentEntity, {
          ...p, districtId: district.id, streetId: street.id, communityId: c.id, gridId: grid.id,
          address: `${cname}${1 + Math.floor(r() * 30)}幢${1 + Math.floor(r() * 6)}单元${101 + Math.floor(r() * 1500)}室`,
        });
      }
    }
  }
  const orgs = ORGS.map(([name, registration, category]) =>
    em.create(SocialOrganizationEntity, { districtId: district.id, name, registration, category }));
  orgs.forEach((o, i) => {
    for (const c of communities.filter((_, j) => j % orgs.length === i || j % 5 === i)) {
      em.create(OrganizationCommunityEntity, { organizationId: o.id, communityId: c.id, districtId: district.id });
    }
  });
  const levels = [CertificationLevel.ASSISTANT, CertificationLevel.INTERMEDIATE, CertificationLevel.SENIOR];
  const posts = [PostType.ALL_ROUND, PostType.VISITING, PostType.PROJECT];
  for (let i = 0; i < 12; i++) {
    const byOrg = i % 3 !== 0;
    em.create(SocialWorkerEntity, {
      districtId: district.id, name: chineseName(r), certification: levels[i % 3], postType: posts[(i * 7) % 3],
      employerKind: byOrg ? EmployerKind.SOCIAL_ORGANIZATION : EmployerKind.COMMUNITY,
      employerOrganizationId: byOrg ? orgs[i % orgs.length].id : null,
      employerCommunityId: byOrg ? null : communities[i % communities.length].id,
    });
  }
  await em.flush();
  return district;
}
