import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId, type ScopeFilter } from '@gongzhi/plugin-sdk';
import { CommunityEntity, DistrictEntity, StreetEntity } from '../entities';
import type { DashboardNodeRef } from './dashboard.type';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
/** `{ $or: [...] }` of the non-empty id lists, or a filter matching nothing. */
const anyOf = (...parts: [string, string[]][]) => {
  const or = parts.filter(([, ids]) => ids.length).map(([col, ids]) => ({ [col]: { $in: ids } }));
  return or.length ? { $or: or } : { id: null };
};

/**
 * The districts, streets and communities whose dashboards a scope filter opens (three
 * statements, whatever the sizes): each grant's node and everything below it. A platform-wide
 * filter lists districts and streets only; their communities are a click away on the page.
 */
export async function dashboardNodes(em: EntityManager, f: ScopeFilter): Promise<DashboardNodeRef[]> {
  const [districts, streets, communities] = await Promise.all([
    em.find(DistrictEntity, f.all ? {} : anyOf(['id', f.districtIds])),
    em.find(StreetEntity, f.all ? {} : anyOf(['districtId', f.districtIds], ['id', f.streetIds])),
    f.all ? [] : em.find(CommunityEntity, anyOf(['districtId', f.districtIds], ['streetId', f.streetIds], ['id', f.communityIds])),
  ]);
  return [
    ...districts.sort(byName).map((d) => ({ id: toGlobalId('District', d.id), level: 'DISTRICT', name: d.name, parent: null })),
    ...streets.sort(byName).map((s) => ({ id: toGlobalId('Street', s.id), level: 'STREET', name: s.name, parent: toGlobalId('District', s.districtId) })),
    ...communities.sort(byName).map((c) => ({ id: toGlobalId('Community', c.id), level: 'COMMUNITY', name: c.name, parent: toGlobalId('Street', c.streetId) })),
  ];
}
