import { sqlRows } from '@gongzhi/plugin-sdk';
import type { EntityManager } from '@gongzhi/plugin-sdk';
import { OfficeHour } from '../entities/office-hour.entity';
import type { PlannedSlot } from './slot-plan';
import type { CommunityNode } from './tree';

/**
 * Inserts planned office hours of one community in one statement. ON CONFLICT DO NOTHING
 * skips both slots that exist (pattern, start) and ones the lawyer's exclusion constraint
 * refuses; the caller sees which by what came back.
 */
export async function insertSlots(em: EntityManager, node: CommunityNode, planned: PlannedSlot[]): Promise<OfficeHour[]> {
  const inserted = await sqlRows<{ id: string }>(em,
    `insert into la_office_hour (id, district_id, street_id, community_id, lawyer_id, pattern_id, starts_at, ends_at, capacity, location)
     select gen_random_uuid(), ?, ?, ?, r."lawyerId", r."patternId", r."startsAt", r."endsAt", r.capacity, r.location
       from jsonb_to_recordset(?::jsonb) as r("patternId" uuid, "lawyerId" uuid, "startsAt" timestamptz, "endsAt" timestamptz, capacity int, location text)
     on conflict do nothing returning id`,
    [node.districtId, node.streetId, node.communityId, JSON.stringify(planned)]);
  return inserted.length ? em.find(OfficeHour, { id: { $in: inserted.map((r) => r.id) } }, { orderBy: { startsAt: 'asc' } }) : [];
}
