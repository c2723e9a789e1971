import { ConflictError, EntityManager, GongzhiContext, GongzhiError, NotFoundError, badInput, emit, communityScope, loadFresh, requireAt, sqlRow, violatesConstraint, PermissionDefinition } from '@gongzhi/plugin-sdk';
import { VolunteerActivity } from '../entities/activity.entity';
import { ActivitySignUp } from '../entities/sign-up.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { ActivityCategory, ActivityStatus, SignUpStatus } from '../graphql/enums.type';
import { HoursVerified } from '../events';
import { perms } from '../permissions';
import { volunteerScope } from './volunteer.service';

export interface NewActivity {
  communityId: string;
  organizationId: string | null;
  title: string;
  category: ActivityCategory;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export async function postActivity(ctx: GongzhiContext, a: NewActivity): Promise<VolunteerActivity> {
  const scope = await communityScope(ctx, a.communityId);
  await requireAt(ctx, perms['activity:post'], scope);
  const title = a.title.trim();
  const place = a.place.trim();
  if (!title || title.length > 200) throw badInput('input.title', 'must be 1 to 200 characters');
  if (!place || place.length > 200) throw badInput('input.place', 'must be 1 to 200 characters');
  if (!(a.endsAt > a.startsAt)) throw badInput('input.endsAt', 'must be after startsAt');
  if (!Number.isInteger(a.capacity) || a.capacity < 1 || a.capacity > 100000) throw badInput('input.capacity', 'must be between 1 and 100000');
  if (a.organizationId) {
    const org = await ctx.core.socialOrganization(a.organizationId);
    if (!org || org.districtId !== scope.districtId) throw badInput('input.organizationId', 'is not an organisation of this district');
  }
  const row = await sqlRow(ctx.em, `insert into vb_activity (district_id, street_id, community_id, organization_id, title, category, place, starts_at, ends_at, capacity)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`,
  [scope.districtId, scope.streetId, scope.communityId, a.organizationId, title, a.category, place, a.startsAt, a.endsAt, a.capacity]);
  return ctx.em.map(VolunteerActivity, row!);
}

export class CapacityReachedError extends GongzhiError {
  constructor() {
    super('CAPACITY_REACHED', '名额已满 / The activity is full');
  }
}

/** Takes a place with a conditional counter UPDATE: never more sign-ups than capacity. */
export async function signUp(ctx: GongzhiContext, activityId: string, volunteerId: string): Promise<ActivitySignUp> {
  const activity = await loadFresh(ctx, VolunteerActivity, activityId);
  await requireAt(ctx, perms['activity:sign-up'], activity);
  const volunteer = await loadFresh(ctx, Volunteer, volunteerId);
  if (volunteer.districtId !== activity.districtId) throw badInput('input.volunteerId', 'is not a volunteer of this district');
  try {
    return await ctx.em.transactional(async (tx) => {
      const taken = await sqlRow(tx, `update vb_activity set signed_up = signed_up + 1
        where id = ? and status = 'OPEN' and signed_up < capacity returning id`, [activityId]);
      if (!taken) {
        if (activity.status !== ActivityStatus.OPEN) throw new ConflictError('活动已截止报名 / Sign-up is closed');
        throw new CapacityReachedError();
      }
      const row = await sqlRow(tx, 'insert into vb_sign_up (district_id, activity_id, volunteer_id) values (?, ?, ?) returning *',
        [activity.districtId, activityId, volunteerId]);
      return tx.map(ActivitySignUp, row!);
    });
  } catch (e) {
    if (violatesConstraint(e, 'vb_sign_up_active_unique')) throw new ConflictError('已报名该活动 / Already signed up');
    throw e;
  }
}

async function signUpFor(ctx: GongzhiContext, id: string, permission: PermissionDefinition) {
  const s = await loadFresh(ctx, ActivitySignUp, id, 'ActivitySignUp');
  const activity = await loadFresh(ctx, VolunteerActivity, s.activityId);
  await requireAt(ctx, permission, activity);
  return { signUp: s, activity };
}

/** One conditional state change of a sign-up; CONFLICT when it is not in `from`. */
async function transition(em: EntityManager, id: string, from: SignUpStatus, set: string, params: unknown[]): Promise<ActivitySignUp> {
  const row = await sqlRow(em, `update vb_sign_up set ${set} where id = ? and status = ? returning *`, [...params, id, from]);
  if (!row) throw new ConflictError(`报名状态不是 ${from} / The sign-up is not ${from}`);
  return em.map(ActivitySignUp, row);
}

export async function withdraw(ctx: GongzhiContext, signUpId: string): Promise<ActivitySignUp> {
  await signUpFor(ctx, signUpId, perms['activity:sign-up']);
  return ctx.em.transactional(async (tx) => {
    const s = await transition(tx, signUpId, SignUpStatus.SIGNED_UP, `status = 'WITHDRAWN'`, []);
    await sqlRow(tx, 'update vb_activity set signed_up = signed_up - 1 where id = ? returning id', [s.activityId]);
    return s;
  });
}

function when(at: Date | null | undefined, field: string): Date {
  const t = at ?? new Date();
  if (Number.isNaN(t.getTime())) throw badInput(field, 'is not a valid time');
  if (t.getTime() > Date.now() + 5 * 60_000) throw badInput(field, 'cannot be in the future');
  return t;
}

export async function checkIn(ctx: GongzhiContext, signUpId: string, at?: Date | null): Promise<ActivitySignUp> {
  await signUpFor(ctx, signUpId, perms['activity:sign-up']);
  return transition(ctx.em, signUpId, SignUpStatus.SIGNED_UP, `status = 'CHECKED_IN', checked_in_at = ?`, [when(at, 'input.at')]);
}

export async function checkOut(ctx: GongzhiContext, signUpId: string, at?: Date | null): Promise<ActivitySignUp> {
  const { signUp: s } = await signUpFor(ctx, signUpId, perms['activity:sign-up']);
  const t = when(at, 'input.at');
  if (s.checkedInAt && t < s.checkedInAt) throw badInput('input.at', 'must not be before the check-in');
  return transition(ctx.em, signUpId, SignUpStatus.CHECKED_IN, `status = 'CHECKED_OUT', checked_out_at = ?`, [t]);
}

export function recordedMinutes(s: ActivitySignUp): number {
  if (!s.checkedInAt || !s.checkedOutAt) return 0;
  return Math.max(0, Math.round((s.checkedOutAt.getTime() - s.checkedInAt.getTime()) / 60_000));
}

export async function loadSignUpWithActivity(ctx: GongzhiContext, signUpId: string, permission: PermissionDefinition) {
  const found = await signUpFor(ctx, signUpId, permission);
  const volunteer = await ctx.em.findOne(Volunteer, { id: found.signUp.volunteerId });
  if (!volunteer) throw new NotFoundError('Volunteer');
  return { ...found, volunteer };
}

export function emitHoursVerified(tx: EntityManager, activity: VolunteerActivity, s: ActivitySignUp, minutes: number, points: number): void {
  emit(tx, HoursVerified, volunteerScope(activity), {
    signUpId: s.id, activityId: activity.id, volunteerId: s.volunteerId, minutes, points,
  });
}
