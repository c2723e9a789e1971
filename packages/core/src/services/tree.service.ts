import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InputCheck, badInput, fromGlobalId, isValidDivisionCode,
  type CommunityKind, type StreetKind,
} from '@gongzhi/plugin-sdk';
import { CommunityEntity, DistrictEntity, GridEntity, StreetEntity } from '../entities';

export type TreeLevel = 'district' | 'street' | 'community' | 'grid';
export type TreeFilter = { districtId: string } | { streetId: string } | { communityId: string } | { gridId: string };

/** The tree level of each core GraphQL type. */
export const LEVEL_OF: Record<string, TreeLevel> = { District: 'district', Street: 'street', Community: 'community', Grid: 'grid' };

/** `within: ID` of a District/Street/Community/Grid → column filter on tenant rows. */
export function treeFilter(globalId: string, field = 'filter.within'): { level: TreeLevel; id: string; where: TreeFilter } {
  const parsed = fromGlobalId(globalId);
  const level = parsed && LEVEL_OF[parsed.typename];
  if (!parsed || !level) throw badInput(field, 'must be the id of a District, Street, Community or Grid');
  return { level, id: parsed.id, where: { [`${level}Id`]: parsed.id } as TreeFilter };
}

/** Decodes a parent id argument; a missing or foreign parent is a field problem. */
export async function requireParent<T extends object>(em: EntityManager, entity: new () => T, typename: string, globalId: string, field: string): Promise<T> {
  const parsed = fromGlobalId(globalId);
  const row = parsed?.typename === typename ? await em.findOne(entity, { id: parsed.id } as never) : null;
  if (!row) throw badInput(field, `no ${typename} with this id`);
  return row as T;
}

/**
 * Flushes `em` inside a savepoint, turning a unique-index race into the same field
 * problem a pre-check gives, without aborting the request's transaction.
 */
export async function flushUnique<T>(em: EntityManager, field: string, message: string, result: T): Promise<T> {
  const inTx = em.isInTransaction();
  if (inTx) await em.execute('savepoint gz_unique');
  try {
    await em.flush();
    if (inTx) await em.execute('release savepoint gz_unique');
    return result;
  } catch (e) {
    if (inTx) await em.execute('rollback to savepoint gz_unique');
    em.clear();
    if (e instanceof UniqueConstraintViolationException) throw badInput(field, message);
    throw e;
  }
}

async function nameTaken(em: EntityManager, entity: new () => object, where: Record<string, unknown>, exceptId?: string): Promise<boolean> {
  const row = (await em.findOne(entity, where as never)) as { id?: string } | null;
  return !!row && row.id !== exceptId;
}

export class TreeService {
  async createDistrict(em: EntityManager, input: { name: string; divisionCode: string }): Promise<DistrictEntity> {
    const c = new InputCheck()
      .text('input.name', input.name, { max: 50 })
      .check(isValidDivisionCode(input.divisionCode), 'input.divisionCode', 'must be a 6-digit GB/T 2260 division code');
    c.done();
    if (await em.findOne(DistrictEntity, { divisionCode: input.divisionCode })) {
      throw badInput('input.divisionCode', 'is already used by another district');
    }
    const d = em.create(DistrictEntity, { name: input.name.trim(), divisionCode: input.divisionCode });
    return flushUnique(em, 'input.divisionCode', 'is already used by another district', d);
  }

  async updateDistrict(em: EntityManager, d: DistrictEntity, input: { name?: string | null }): Promise<DistrictEntity> {
    new InputCheck().text('input.name', input.name, { max: 50, optional: true }).done();
    if (input.name) d.name = input.name.trim();
    await em.flush();
    return d;
  }

  async createStreet(em: EntityManager, input: { districtId: string; name: string; kind: StreetKind }): Promise<StreetEntity> {
    new InputCheck().text('input.name', input.name, { max: 50 }).done();
    const district = await requireParent(em, DistrictEntity, 'District', input.districtId, 'input.districtId');
    const name = input.name.trim();
    if (await nameTaken(em, StreetEntity, { districtId: district.id, name })) throw badInput('input.name', 'is already used in this district');
    const s = em.create(StreetEntity, { districtId: district.id, name, kind: input.kind });
    return flushUnique(em, 'input.name', 'is already used in this district', s);
  }

  async updateStreet(em: EntityManager, s: StreetEntity, input: { name?: string | null; kind?: StreetKind | null }): Promise<StreetEntity> {
    new InputCheck().text('input.name', input.name, { max: 50, optional: true }).done();
    if (input.name) {
      const name = input.name.trim();
      if (await nameTaken(em, StreetEntity, { districtId: s.districtId, name }, s.id)) throw badInput('input.name', 'is already used in this district');
      s.name = name;
    }
    if (input.kind) s.kind = input.kind;
    return flushUnique(em, 'input.name', 'is already used in this district', s);
  }

  async createCommunity(em: EntityManager, input: { streetId: string; name: string; kind: CommunityKind }): Promise<CommunityEntity> {
    new InputCheck().text('input.name', input.name, { max: 50 }).done();
    const street = await requireParent(em, StreetEntity, 'Street', input.streetId, 'input.streetId');
    const name = input.name.trim();
    if (await nameTaken(em, CommunityEntity, { streetId: street.id, name })) throw badInput('input.name', 'is already used in this street');
    const c = em.create(CommunityEntity, { districtId: street.districtId, streetId: street.id, name, kind: input.kind });
    return flushUnique(em, 'input.name', 'is already used in this street', c);
  }

  async updateCommunity(em: EntityManager, c: CommunityEntity, input: { name?: string | null; kind?: CommunityKind | null }): Promise<CommunityEntity> {
    new InputCheck().text('input.name', input.name, { max: 50, optional: true }).done();
    if (input.name) {
      const name = input.name.trim();
      if (await nameTaken(em, CommunityEntity, { streetId: c.streetId, name }, c.id)) throw badInput('input.name', 'is already used in this street');
      c.name = name;
    }
    if (input.kind) c.kind = input.kind;
    return flushUnique(em, 'input.name', 'is already used in this street', c);
  }

  async createGrid(em: EntityManager, input: { communityId: string; name: string; leaderName?: string | null; households?: number | null }): Promise<GridEntity> {
    new InputCheck()
      .text('input.name', input.name, { max: 50 })
      .text('input.leaderName', input.leaderName, { max: 30, optional: true })
      .int('input.households', input.households, { min: 0, max: 5000, optional: true })
      .done();
    const community = await requireParent(em, CommunityEntity, 'Community', input.communityId, 'input.communityId');
    const name = input.name.trim();
    if (await nameTaken(em, GridEntity, { communityId: community.id, name })) throw badInput('input.name', 'is already used in this community');
    const g = em.create(GridEntity, {
      districtId: community.districtId, streetId: community.streetId, communityId: community.id,
      name, leaderName: input.leaderName ?? null, households: input.households ?? 0,
    });
    return flushUnique(em, 'input.name', 'is already used in this community', g);
  }

  async updateGrid(em: EntityManager, g: GridEntity, input: { name?: string | null; leaderName?: string | null; households?: number | null }): Promise<GridEntity> {
    new InputCheck()
      .text('input.name', input.name, { max: 50, optional: true })
      .text('input.leaderName', input.leaderName, { max: 30, optional: true })
      .int('input.households', input.households, { min: 0, max: 5000, optional: true })
      .done();
    if (input.name) {
      const name = input.name.trim();
      if (await nameTaken(em, GridEntity, { communityId: g.communityId, name }, g.id)) throw badInput('input.name', 'is already used in this community');
      g.name = name;
    }
    if (input.leaderName !== undefined) g.leaderName = input.leaderName;
    if (input.households != null) g.households = input.households;
    return flushUnique(em, 'input.name', 'is already used in this community', g);
  }
}
