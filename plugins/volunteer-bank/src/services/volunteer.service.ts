import { ConflictError, GongzhiContext, NotFoundError, badInput, TEXT_ARRAY, requireAt, sqlRow, sqlRows, textArray, violatesConstraint, PermissionDefinition } from '@gongzhi/plugin-sdk';
import { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { AccountKind } from '../graphql/enums.type';
import type { AccountRef } from './ledger.service';
import { perms } from '../permissions';
import { RegisterVolunteerInput } from '../graphql/volunteer.input';

/** Cumulative verified hours for one to five stars (national volunteer-record rule). */
export const STAR_THRESHOLDS_HOURS = [100, 300, 600, 1000, 1500] as const;

export function starLevelFor(verifiedMinutes: number): number {
  const hours = verifiedMinutes / 60;
  return STAR_THRESHOLDS_HOURS.filter((t) => hours >= t).length;
}

/** SQL expression of the star level for a minutes expression (kept in step with starLevelFor). */
export function starLevelSql(minutesExpr: string): string {
  return `(case ${[...STAR_THRESHOLDS_HOURS].reverse().map((h, i) => `when ${minutesExpr} >= ${h * 60} then ${5 - i}`).join(' ')} else 0 end)`;
}

function cleanList(values: string[] | undefined, field: string): string[] {
  const list = (values ?? []).map((v) => v.trim()).filter(Boolean);
  if (list.length > 20) throw badInput(field, 'must have at most 20 entries');
  if (list.some((v) => v.length > 50)) throw badInput(field, 'entries must be at most 50 characters');
  return [...new Set(list)];
}

export async function registerVolunteer(ctx: GongzhiContext, residentId: string, input: RegisterVolunteerInput): Promise<Volunteer> {
  const resident = await ctx.core.resident(residentId);
  if (!resident) throw new NotFoundError('Resident');
  const scope = { districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId };
  await requireAt(ctx, perms['volunteer:register'], scope);
  const skills = cleanList(input.skills, 'input.skills');
  const areas = cleanList(input.serviceAreas, 'input.serviceAreas');
  try {
    return await ctx.em.transactional(async (tx) => {
      const row = await sqlRow(tx, `insert into vb_volunteer (district_id, street_id, community_id, resident_id, name, skills, service_areas)
        values (?, ?, ?, ?, ?, ${TEXT_ARRAY}, ${TEXT_ARRAY}) returning *`,
      [scope.districtId, scope.streetId, scope.communityId, residentId, resident.name, textArray(skills), textArray(areas)]);
      await sqlRows(tx, `insert into vb_account (district_id, kind, unit, volunteer_id)
        values (?, 'VOLUNTEER', 'POINTS', ?), (?, 'TIME_BANK', 'MINUTES', ?)`, [scope.districtId, row!.id, scope.districtId, row!.id]);
      return tx.map(Volunteer, row!);
    });
  } catch (e) {
    if (violatesConstraint(e, 'vb_volunteer_resident_unique')) {
      throw new ConflictError('该居民已登记为志愿者 / This resident is already a volunteer');
    }
    throw e;
  }
}

export interface VolunteerWithAccounts {
  volunteer: Volunteer;
  points: AccountRef;
  time: AccountRef;
  /** The transfer recorded under the idempotency key asked for, if any. */
  existing: PointsTransfer | null;
}

/**
 * The volunteer, its two accounts and the transfer already recorded under `key`, in one
 * statement (the hot path of every credit), then the gate and the permission.
 */
export async function volunteerWithAccounts(ctx: GongzhiContext, id: string, permission: PermissionDefinition, key: string | null = null): Promise<VolunteerWithAccounts> {
  const row = await sqlRow<Record<string, unknown> & { points_account_id: string; time_account_id: string; existing: Record<string, unknown> | null }>(ctx.em, `
    select v.*, pa.id as points_account_id, ta.id as time_account_id,
      (select to_jsonb(t) from vb_transfer t where t.district_id = v.district_id and t.idempotency_key = ?) as existing
    from vb_volunteer v
    join vb_account pa on pa.volunteer_id = v.id and pa.kind = 'VOLUNTEER'
    join vb_account ta on ta.volunteer_id = v.id and ta.kind = 'TIME_BANK'
    where v.id = ?`, [key, id]);
  if (!row) throw new NotFoundError('Volunteer');
  const { points_account_id, time_account_id, existing, ...v } = row;
  const volunteer = ctx.em.map(Volunteer, v);
  await requireAt(ctx, permission, volunteerScope(volunteer));
  return {
    volunteer,
    points: { id: points_account_id, kind: AccountKind.VOLUNTEER, volunteerId: id },
    time: { id: time_account_id, kind: AccountKind.TIME_BANK, volunteerId: id },
    existing: existing ? transferFromJson(ctx, existing) : null,
  };
}

/** A transfer read as jsonb (timestamps arrive as strings with microseconds: parse like the driver does). */
function transferFromJson(ctx: GongzhiContext, json: Record<string, unknown>): PointsTransfer {
  const t = ctx.em.map(PointsTransfer, json);
  if (typeof t.createdAt === 'string') t.createdAt = new Date(t.createdAt);
  return t;
}

export const volunteerScope = (v: { districtId: string; streetId: string; communityId: string }) => ({
  districtId: v.districtId, streetId: v.streetId, communityId: v.communityId,
});

/** Volunteers of residents, batched (for `Resident.volunteer`). */
export async function volunteersByResident(ctx: GongzhiContext, residentIds: readonly string[]): Promise<(Volunteer | null)[]> {
  const rows = await ctx.em.find(Volunteer, { residentId: { $in: [...residentIds] } });
  const map = new Map(rows.map((r) => [r.residentId, r]));
  return residentIds.map((id) => map.get(id) ?? null);
}
