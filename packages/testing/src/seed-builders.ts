import type { MikroORM } from '@mikro-orm/postgresql';
import { CareTag, CommunityKind, Gender, OrgCategory, OrgRegistration, StreetKind } from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, OrganizationCommunityEntity, ResidentEntity, SocialOrganizationEntity, StreetEntity,
} from '@gongzhi/core';

let counter = 0;
const nextCode = () => String(110101 + (counter++ % 800)).padStart(6, '0');

export interface TreeOptions {
  divisionCode?: string;
  name?: string;
  streets?: number;
  communitiesPerStreet?: number;
  gridsPerCommunity?: number;
  residentsPerCommunity?: number;
}

export interface SeededTree {
  district: DistrictEntity;
  streets: StreetEntity[];
  communities: CommunityEntity[];
  grids: GridEntity[];
  residents: ResidentEntity[];
}

/** Writes rows straight through the ORM: fast fixtures for tests of other behaviour. */
export class SeedBuilders {
  constructor(private readonly orm: () => MikroORM) {}

  async district(opts: { divisionCode?: string; name?: string } = {}): Promise<DistrictEntity> {
    const em = this.orm().em.fork();
    const d = em.create(DistrictEntity, { name: opts.name ?? `测试区${counter}`, divisionCode: opts.divisionCode ?? nextCode() });
    await em.flush();
    return d;
  }

  async tree(opts: TreeOptions = {}): Promise<SeededTree> {
    const em = this.orm().em.fork();
    const district = em.create(DistrictEntity, { name: opts.name ?? `测试区${counter}`, divisionCode: opts.divisionCode ?? nextCode() });
    const out: SeededTree = { district, streets: [], communities: [], grids: [], residents: [] };
    for (let s = 0; s < (opts.streets ?? 2); s++) {
      const street = em.create(StreetEntity, { districtId: district.id, name: `街道${s + 1}`, kind: s % 2 ? StreetKind.TOWN : StreetKind.STREET });
      out.streets.push(street);
      for (let c = 0; c < (opts.communitiesPerStreet ?? 2); c++) {
        const community = em.create(CommunityEntity, {
          districtId: district.id, streetId: street.id, name: `社区${s + 1}-${String(c + 1).padStart(3, '0')}`,
          kind: s % 2 ? CommunityKind.RURAL : CommunityKind.URBAN,
        });
        out.communities.push(community);
        const grids = Array.from({ length: opts.gridsPerCommunity ?? 1 }, (_, g) =>
          em.create(GridEntity, { districtId: district.id, streetId: street.id, communityId: community.id, name: `网格${g + 1}`, households: 400 }));
        out.grids.push(...grids);
        for (let r = 0; r < (opts.residentsPerCommunity ?? 3); r++) {
          const age = [8, 35, 66, 85][r % 4];
          const tags = age >= 80 ? [CareTag.ELDERLY_60, CareTag.ELDERLY_80] : age >= 60 ? [CareTag.ELDERLY_60, CareTag.LIVING_ALONE] : [];
          out.residents.push(em.create(ResidentEntity, {
            districtId: district.id, streetId: street.id, communityId: community.id, gridId: grids[r % grids.length]?.id ?? null,
            name: `居民${r + 1}`, gender: r % 2 ? Gender.FEMALE : Gender.MALE, birthDate: `${new Date().getUTCFullYear() - age - 1}-03-15`, careTags: tags,
          }));
        }
      }
    }
    await em.flush();
    return out;
  }

  async resident(opts: { communityId: string; birthDate?: string; careTags?: CareTag[] | string[]; name?: string; gender?: Gender; gridId?: string | null }): Promise<ResidentEntity> {
    const em = this.orm().em.fork();
    const c = await em.findOneOrFail(CommunityEntity, { id: opts.communityId });
    const r = em.create(ResidentEntity, {
      districtId: c.districtId, streetId: c.streetId, communityId: c.id, gridId: opts.gridId ?? null,
      name: opts.name ?? '测试居民', gender: opts.gender ?? Gender.FEMALE, birthDate: opts.birthDate ?? '1950-06-01',
      careTags: (opts.careTags ?? []) as CareTag[],
    });
    await em.flush();
    return r;
  }

  async organization(opts: { districtId: string; name?: string; communityIds?: string[] }): Promise<SocialOrganizationEntity> {
    const em = this.orm().em.fork();
    const o = em.create(SocialOrganizationEntity, {
      districtId: opts.districtId, name: opts.name ?? `测试组织${counter++}`, registration: OrgRegistration.REGISTERED, category: OrgCategory.SOCIAL_SERVICES,
    });
    for (const communityId of opts.communityIds ?? []) em.create(OrganizationCommunityEntity, { organizationId: o.id, communityId, districtId: opts.districtId });
    await em.flush();
    return o;
  }
}
