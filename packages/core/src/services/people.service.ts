import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CareTag, EmployerKind, Gender, InputCheck, ageOn, badInput, fromGlobalId, isValidDate, isValidIdNumber, isValidMobile, today,
  type CertificationLevel, type OrgCategory, type OrgRegistration, type PostType,
} from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, OrganizationCommunityEntity, ResidentEntity,
  SocialOrganizationEntity, SocialWorkerEntity,
} from '../entities';
import { flushUnique, requireParent } from './tree.service';

export interface ResidentInput {
  communityId?: string | null;
  gridId?: string | null;
  name?: string | null;
  gender?: Gender | null;
  birthDate?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  careTags?: CareTag[] | null;
  address?: string | null;
}

/** Checks a resident's fields together: the ID number must agree with birth date and gender. */
function checkResident(input: ResidentInput, merged: { birthDate: string; gender: Gender; careTags: CareTag[] }): void {
  const c = new InputCheck()
    .text('input.name', input.name, { max: 30, optional: true })
    .text('input.address', input.address, { max: 200, optional: true });
  if (input.birthDate != null) {
    c.check(isValidDate(input.birthDate) && input.birthDate <= new Date().toISOString().slice(0, 10) && input.birthDate >= '1890-01-01',
      'input.birthDate', 'must be a past date YYYY-MM-DD');
  }
  if (input.phone != null) c.check(isValidMobile(input.phone), 'input.phone', 'must be an 11-digit mobile number');
  if (input.idNumber != null) {
    const id = input.idNumber.toUpperCase();
    if (!isValidIdNumber(id)) c.check(false, 'input.idNumber', 'is not a valid 18-digit ID number (GB 11643 checksum)');
    else {
      const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      c.check(born === merged.birthDate, 'input.idNumber', 'does not match the birth date');
      c.check((Number(id[16]) % 2 === 1) === (merged.gender === Gender.MALE), 'input.idNumber', 'does not match the gender');
    }
  }
  if (c.ok && merged.birthDate) {
    const age = ageOn(merged.birthDate, today());
    c.check(!merged.careTags.includes(CareTag.ELDERLY_60) || age >= 60, 'input.careTags', 'ELDERLY_60 needs an age of 60 or more');
    c.check(!merged.careTags.includes(CareTag.ELDERLY_80) || age >= 80, 'input.careTags', 'ELDERLY_80 needs an age of 80 or more');
  }
  c.done();
}

async function gridOf(em: EntityManager, community: CommunityEntity, gridId: string | null | undefined): Promise<string | null> {
  if (!gridId) return null;
  const grid = await requireParent(em, GridEntity, 'Grid', gridId, 'input.gridId');
  if (grid.communityId !== community.id) throw badInput('input.gridId', 'is not a grid of this community');
  return grid.id;
}

const ID_TAKEN = 'is already registered for another resident of this district';

export class PeopleService {
  async createResident(em: EntityManager, input: Required<Pick<ResidentInput, 'communityId' | 'name' | 'gender' | 'birthDate'>> & ResidentInput): Promise<ResidentEntity> {
    new InputCheck().text('input.name', input.name, { max: 30 }).done();
    const careTags = [...new Set(input.careTags ?? [])];
    checkResident(input, { birthDate: input.birthDate!, gender: input.gender!, careTags });
    const community = await requireParent(em, CommunityEntity, 'Community', input.communityId!, 'input.communityId');
    const gridId = await gridOf(em, community, input.gridId);
    const r = em.create(ResidentEntity, {
      districtId: community.districtId, streetId: community.streetId, communityId: community.id, gridId,
      name: input.name!.trim(), gender: input.gender!, birthDate: input.birthDate!,
      idNumber: input.idNumber?.toUpperCase() ?? null, phone: input.phone ?? null, careTags, address: input.address ?? null,
    });
    return flushUnique(em, 'input.idNumber', ID_TAKEN, r);
  }

  async updateResident(em: EntityManager, r: ResidentEntity, input: ResidentInput): Promise<ResidentEntity> {
    const merged = {
      birthDate: input.birthDate ?? r.birthDate,
      gender: input.gender ?? r.gender,
      careTags: input.careTags ? [...new Set(input.careTags)] : r.careTags,
    };
    checkResident({ ...input, idNumber: input.idNumber ?? (input.birthDate || input.gender ? r.idNumber : null) }, merged);
    if (input.communityId) {
      const community = await requireParent(em, CommunityEntity, 'Community', input.communityId, 'input.communityId');
      if (community.districtId !== r.districtId) throw badInput('input.communityId', 'no Community with this id');
      Object.assign(r, { communityId: community.id, streetId: community.streetId, gridId: await gridOf(em, community, input.gridId) });
    } else if (input.gridId !== undefined) {
      r.gridId = await gridOf(em, (await em.findOneOrFail(CommunityEntity, { id: r.communityId })), input.gridId);
    }
    if (input.name) r.name = input.name.trim();
    Object.assign(r, merged);
    if (input.idNumber !== undefined) r.idNumber = input.idNumber?.toUpperCase() ?? null;
    if (input.phone !== undefined) r.phone = input.phone;
    if (input.address !== undefined) r.address = input.address;
    return flushUnique(em, 'input.idNumber', ID_TAKEN, r);
  }

  async createOrganization(em: EntityManager, input: {
    districtId: string; name: string; registration: OrgRegistration; category: OrgCategory; creditCode?: string | null; communityIds?: string[] | null;
  }): Promise<SocialOrganizationEntity> {
    checkOrg(input);
    const district = await requireParent(em, DistrictEntity, 'District', input.districtId, 'input.districtId');
    const name = input.name.trim();
    if (await em.findOne(SocialOrganizationEntity, { districtId: district.id, name })) throw badInput('input.name', 'is already used in this district');
    const communities = await communitiesIn(em, district.id, input.communityIds ?? []);
    const org = em.create(SocialOrganizationEntity, {
      districtId: district.id, name, registration: input.registration, category: input.category, creditCode: input.creditCode ?? null,
    });
    for (const c of communities) em.create(OrganizationCommunityEntity, { organizationId: org.id, communityId: c, districtId: district.id });
    return flushUnique(em, 'input.name', 'is already used in this district', org);
  }

  async updateOrganization(em: EntityManager, org: SocialOrganizationEntity, input: {
    name?: string | null; registration?: OrgRegistration | null; category?: OrgCategory | null; creditCode?: string | null; communityIds?: string[] | null;
  }): Promise<SocialOrganizationEntity> {
    checkOrg({ ...input, name: input.name ?? org.name });
    if (input.name) {
      const name = input.name.trim();
      const other = await em.findOne(SocialOrganizationEntity, { districtId: org.districtId, name });
      if (other && other.id !== org.id) throw badInput('input.name', 'is already used in this district');
      org.name = name;
    }
    if (input.registration) org.registration = input.registration;
    if (input.category) org.category = input.category;
    if (input.creditCode !== undefined) org.creditCode = input.creditCode;
    if (input.communityIds) {
      const communities = await communitiesIn(em, org.districtId, input.communityIds);
      await em.nativeDelete(OrganizationCommunityEntity, { organizationId: org.id });
      for (const c of communities) em.create(OrganizationCommunityEntity, { organizationId: org.id, communityId: c, districtId: org.districtId });
    }
    return flushUnique(em, 'input.name', 'is already used in this district', org);
  }

  async createSocialWorker(em: EntityManager, input: {
    districtId: string; name: string; certification: CertificationLevel; postType: PostType; employerId: string;
  }): Promise<SocialWorkerEntity> {
    new InputCheck().text('input.name', input.name, { max: 30 }).done();
    const district = await requireParent(em, DistrictEntity, 'District', input.districtId, 'input.districtId');
    const employer = await employerOf(em, district.id, input.employerId);
    const w = em.create(SocialWorkerEntity, {
      districtId: district.id, name: input.name.trim(), certification: input.certification, postType: input.postType, ...employer,
    });
    await em.flush();
    return w;
  }

  async updateSocialWorker(em: EntityManager, w: SocialWorkerEntity, input: {
    name?: string | null; certification?: CertificationLevel | null; postType?: PostType | null; employerId?: string | null;
  }): Promise<SocialWorkerEntity> {
    new InputCheck().text('input.name', input.name, { max: 30, optional: true }).done();
    if (input.employerId) Object.assign(w, await employerOf(em, w.districtId, input.employerId));
    if (input.name) w.name = input.name.trim();
    if (input.certification) w.certification = input.certification;
    if (input.postType) w.postType = input.postType;
    await em.flush();
    return w;
  }
}

function checkOrg(input: { name?: string | null; creditCode?: string | null }): void {
  new InputCheck()
    .text('input.name', input.name, { max: 100, optional: true })
    .check(input.creditCode == null || /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(input.creditCode),
      'input.creditCode', 'must be an 18-character unified social credit code')
    .done();
}

async function communitiesIn(em: EntityManager, districtId: string, globalIds: string[]): Promise<string[]> {
  const ids = globalIds.map((g, i) => {
    const p = fromGlobalId(g);
    if (p?.typename !== 'Community') throw badInput(`input.communityIds.${i}`, 'no Community with this id');
    return p.id;
  });
  const found = await em.find(CommunityEntity, { id: { $in: ids }, districtId });
  const ok = new Set(found.map((c) => c.id));
  const bad = ids.findIndex((id) => !ok.has(id));
  if (bad >= 0) throw badInput(`input.communityIds.${bad}`, 'no Community with this id in this district');
  return [...ok];
}

async function employerOf(em: EntityManager, districtId: string, globalId: string) {
  const p = fromGlobalId(globalId);
  if (p?.typename === 'SocialOrganization') {
    const org = await em.findOne(SocialOrganizationEntity, { id: p.id, districtId });
    if (org) return { employerKind: EmployerKind.SOCIAL_ORGANIZATION, employerOrganizationId: org.id, employerCommunityId: null };
  } else if (p?.typename === 'Community') {
    const c = await em.findOne(CommunityEntity, { id: p.id, districtId });
    if (c) return { employerKind: EmployerKind.COMMUNITY, employerOrganizationId: null, employerCommunityId: c.id };
  }
  throw badInput('input.employerId', 'must be a SocialOrganization or Community of this district');
}
