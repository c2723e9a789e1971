import {
  badInput, CareTag, ConflictError, decodeId, keysetPage, NotFoundError,
  type ConnectionValue, type GongzhiContext, type Resident, ageOn, loadOrFail, requireAt, today, violatesConstraint,
} from '@gongzhi/plugin-sdk';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { EnrolmentStatus } from '../graphql/dining-enums.type';
import type { EligibilityInput, EnrolElderInput, EnrolmentFilter, UpdateEnrolmentInput } from '../graphql/enrolment.input';
import { perms } from '../permissions';
import { diningSettings } from '../settings';
import { elderRowFilter, elderScope } from './elder-access';
import { servedCommunityIds } from './canteen-communities';
import { Canteen } from '../entities/canteen.entity';

function eligibility(resident: Resident, age: number, given: EligibilityInput | null | undefined) {
  const tags = new Set<string>(resident.careTags ?? []);
  return {
    age80: age >= 80,
    lowIncome: given?.lowIncome ?? tags.has(CareTag.LOW_INCOME),
    extremePoverty: given?.extremePoverty ?? tags.has(CareTag.EXTREME_POVERTY),
    disabled: given?.disabled ?? tags.has(CareTag.DISABLED),
    livingAlone: given?.livingAlone ?? tags.has(CareTag.LIVING_ALONE),
  };
}

function address(value: string | null | undefined, field: string): string | null {
  const v = value?.trim() || null;
  if (v && v.length > 300) throw badInput(field, 'must be at most 300 characters');
  return v;
}

export async function enrolElder(ctx: GongzhiContext, input: EnrolElderInput): Promise<DiningEnrolment> {
  const resident = await ctx.core.resident(decodeId(input.residentId, 'Resident'));
  if (!resident) throw new NotFoundError('Resident');
  const scope = { districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId, gridId: resident.gridId };
  await requireAt(ctx, perms['enrolment:manage'], scope);
  const canteen = await loadOrFail(ctx, Canteen, decodeId(input.canteenId, 'Canteen'));
  if (canteen.districtId !== resident.districtId) throw badInput('input.canteenId', 'is not a canteen of the resident\'s district');
  const settings = await ctx.settings.get(diningSettings, resident.districtId);
  const age = ageOn(resident.birthDate, today(ctx.clock.now()));
  if (age < settings.minimumAge) throw badInput('input.residentId', `must be aged ${settings.minimumAge} or over (is ${age})`);
  const served = await servedCommunityIds(ctx).load(canteen.id);
  if (!served.includes(resident.communityId)) throw badInput('input.canteenId', 'does not serve the resident\'s community');
  const enrolment = ctx.em.create(DiningEnrolment, {
    districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId,
    canteenId: canteen.id, residentId: resident.id, status: EnrolmentStatus.ACTIVE,
    dietaryRestrictions: [...new Set(input.dietaryRestrictions ?? [])],
    deliveryAddress: address(input.deliveryAddress, 'input.deliveryAddress') ?? resident.address ?? null,
    ...eligibility(resident, age, input.eligibility),
  }, { persist: false });
  if (await ctx.em.count(DiningEnrolment, { residentId: resident.id, status: EnrolmentStatus.ACTIVE })) {
    throw new ConflictError('The resident is already enrolled at a canteen');
  }
  try {
    // A savepoint: a concurrent duplicate fails here without aborting the request's transaction.
    await ctx.em.transactional(async (tem) => tem.persist(enrolment));
  } catch (e) {
    if (violatesConstraint(e)) throw new ConflictError('The resident is already enrolled at a canteen');
    throw e;
  }
  return enrolment;
}

async function loadForChange(ctx: GongzhiContext, globalId: string): Promise<DiningEnrolment> {
  const enrolment = await loadOrFail(ctx, DiningEnrolment, decodeId(globalId, 'DiningEnrolment'));
  await requireAt(ctx, perms['enrolment:manage'], elderScope(enrolment));
  if (enrolment.status !== EnrolmentStatus.ACTIVE) throw new ConflictError('The enrolment was withdrawn');
  return enrolment;
}

export async function updateEnrolment(ctx: GongzhiContext, input: UpdateEnrolmentInput): Promise<DiningEnrolment> {
  const enrolment = await loadForChange(ctx, input.id);
  if (input.dietaryRestrictions) enrolment.dietaryRestrictions = [...new Set(input.dietaryRestrictions)];
  if (input.deliveryAddress !== undefined) enrolment.deliveryAddress = address(input.deliveryAddress, 'input.deliveryAddress');
  const e = input.eligibility;
  if (e) {
    if (e.lowIncome != null) enrolment.lowIncome = e.lowIncome;
    if (e.extremePoverty != null) enrolment.extremePoverty = e.extremePoverty;
    if (e.disabled != null) enrolment.disabled = e.disabled;
    if (e.livingAlone != null) enrolment.livingAlone = e.livingAlone;
  }
  await ctx.em.flush();
  return enrolment;
}

/** Ends an enrolment; orders already placed stay. */
export async function withdrawEnrolment(ctx: GongzhiContext, globalId: string): Promise<DiningEnrolment> {
  const enrolment = await loadForChange(ctx, globalId);
  enrolment.status = EnrolmentStatus.WITHDRAWN;
  enrolment.withdrawnAt = new Date();
  await ctx.em.flush();
  return enrolment;
}

export async function listEnrolments(ctx: GongzhiContext, filter: EnrolmentFilter, first?: number | null, after?: string | null): Promise<ConnectionValue<DiningEnrolment>> {
  const districtId = decodeId(filter.districtId, 'District');
  const visible = await elderRowFilter(ctx, perms['enrolment:read'], districtId);
  const where: Record<string, unknown> = { districtId, status: EnrolmentStatus.ACTIVE };
  if (filter.communityId) where.communityId = decodeId(filter.communityId, 'Community');
  if (filter.canteenId) where.canteenId = decodeId(filter.canteenId, 'Canteen');
  return keysetPage<DiningEnrolment>(ctx.em, DiningEnrolment, { where: { $and: [where, visible] } as never, first, after });
}
