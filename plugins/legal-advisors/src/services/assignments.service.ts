import {
  BadUserInputError, ConflictError, InputCheck, NotFoundError, addMonths, decodeId, emit, flushOrConflict, isValidDate, sqlRows, today,
  type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { AdvisorAssigned, CommunityUncovered } from '../events';
import { perms } from '../permissions';
import { allow } from './access';
import { legalSettings } from '../settings';
import { communityNode } from './tree';

const ONE_ADVISOR = 'la_assignment_one_advisor';
const overlapping = () => new ConflictError('The community already has a legal advisor for part of that term', { reason: 'ADVISOR_ALREADY_ASSIGNED' });

/** The lawyer, when they belong to the community's district (another district's id reads NOT_FOUND). */
async function lawyerIn(ctx: GongzhiContext, globalId: string, districtId: string): Promise<Lawyer> {
  const lawyer = await ctx.em.findOne(Lawyer, { id: decodeId(globalId, 'Lawyer') });
  if (!lawyer || lawyer.districtId !== districtId) throw new NotFoundError('Lawyer');
  return lawyer;
}

function checkTerm(startsOn: string, endsOn: string | null | undefined, field = 'input'): void {
  new InputCheck()
    .check(isValidDate(startsOn), `${field}.startsOn`, 'must be a date YYYY-MM-DD')
    .check(endsOn == null || isValidDate(endsOn), `${field}.endsOn`, 'must be a date YYYY-MM-DD')
    .done();
  if (endsOn != null && endsOn <= startsOn) throw new BadUserInputError({ field: `${field}.endsOn`, message: 'must be after startsOn' });
}

/** The term covering `day`, locked, so a concurrent replacement waits and then sees it ended. */
async function termOn(ctx: GongzhiContext, communityId: string, day: string): Promise<AdvisorAssignment | null> {
  const [row] = await sqlRows<{ id: string }>(ctx.em,
    `select id from la_assignment where community_id = ? and daterange(starts_on, ends_on, '[)') @> ?::date for update`,
    [communityId, day]);
  return row ? ctx.em.findOne(AdvisorAssignment, { id: row.id }, { refresh: true }) : null;
}

export interface AssignInput {
  communityId: string;
  lawyerId: string;
  startsOn: string;
  /** Default: the district's `defaultTermMonths` after `startsOn`. */
  endsOn?: string | null;
}

/** A new term; refused (CONFLICT) when it overlaps any term of the community, by the database. */
export async function assignAdvisor(ctx: GongzhiContext, input: AssignInput): Promise<AdvisorAssignment> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['advisor:manage'], node);
  checkTerm(input.startsOn, input.endsOn);
  const lawyer = await lawyerIn(ctx, input.lawyerId, node.districtId);
  const endsOn = input.endsOn ?? addMonths(input.startsOn, (await ctx.settings.get(legalSettings, node.districtId)).defaultTermMonths);
  const term = ctx.em.create(AdvisorAssignment, { ...node, lawyerId: lawyer.id, startsOn: input.startsOn, endsOn });
  await flushOrConflict(ctx.em, overlapping, ONE_ADVISOR);
  emit(ctx.em, AdvisorAssigned, node, { assignmentId: term.id, communityId: node.communityId, lawyerId: lawyer.id, startsOn: term.startsOn, replacedAssignmentId: null });
  return term;
}

export interface ReplaceInput {
  communityId: string;
  lawyerId: string;
  /** First day of the new advisor; the current term ends the day before. Default today. */
  on?: string | null;
  reason?: string | null;
}

/** Ends the term covering `on` and starts the new lawyer's term there, in one mutation. */
export async function replaceAdvisor(ctx: GongzhiContext, input: ReplaceInput): Promise<AdvisorAssignment> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['advisor:manage'], node);
  const on = input.on ?? today();
  new InputCheck()
    .check(isValidDate(on), 'input.on', 'must be a date YYYY-MM-DD')
    .text('input.reason', input.reason, { max: 200, optional: true })
    .done();
  const lawyer = await lawyerIn(ctx, input.lawyerId, node.districtId);
  const current = await termOn(ctx, node.communityId, on);
  if (!current) throw new ConflictError('The community has no advisor on that day to replace; assign one instead', { reason: 'NO_CURRENT_ADVISOR' });
  if (current.lawyerId === lawyer.id) throw new BadUserInputError({ field: 'input.lawyerId', message: 'is already the advisor' });
  if (current.startsOn >= on) throw new BadUserInputError({ field: 'input.on', message: 'must be after the current term started' });
  const endsOn = current.endsOn;
  current.endsOn = on;
  current.endReason = input.reason?.trim() || 'replaced';
  await ctx.em.flush();
  const term = ctx.em.create(AdvisorAssignment, { ...node, lawyerId: lawyer.id, startsOn: on, endsOn });
  await flushOrConflict(ctx.em, overlapping, ONE_ADVISOR);
  emit(ctx.em, AdvisorAssigned, node, { assignmentId: term.id, communityId: node.communityId, lawyerId: lawyer.id, startsOn: on, replacedAssignmentId: current.id });
  return term;
}

export interface EndInput {
  assignmentId: string;
  /** Day the term ends (exclusive). Default today. */
  endsOn?: string | null;
  reason: string;
}

/** Ends a term; when nobody follows on that day the community is uncovered (event). */
export async function endTerm(ctx: GongzhiContext, input: EndInput): Promise<AdvisorAssignment> {
  const term = await ctx.em.findOne(AdvisorAssignment, { id: decodeId(input.assignmentId, 'AdvisorAssignment') });
  if (!term) throw new NotFoundError('AdvisorAssignment');
  await allow(ctx, perms['advisor:manage'], term);
  const endsOn = input.endsOn ?? today();
  new InputCheck()
    .check(isValidDate(endsOn), 'input.endsOn', 'must be a date YYYY-MM-DD')
    .text('input.reason', input.reason, { max: 200 })
    .done();
  if (endsOn <= term.startsOn) throw new BadUserInputError({ field: 'input.endsOn', message: 'must be after the term started' });
  if (term.endsOn != null && endsOn >= term.endsOn) throw new BadUserInputError({ field: 'input.endsOn', message: 'must be before the term\'s current end' });
  term.endsOn = endsOn;
  term.endReason = input.reason.trim();
  await ctx.em.flush();
  if (!(await termOn(ctx, term.communityId, endsOn))) {
    emit(ctx.em, CommunityUncovered, term, {
      communityId: term.communityId, assignmentId: term.id, lawyerId: term.lawyerId, uncoveredFrom: endsOn, reason: term.endReason,
    });
  }
  return term;
}
