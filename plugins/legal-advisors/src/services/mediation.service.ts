import {
  ConflictError, ForbiddenError, InputCheck, NotFoundError, dateOf, decodeId, emit, isValidDate, loadById, sqlRows, today, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { Lawyer } from '../entities/lawyer.entity';
import { MediationCase } from '../entities/mediation-case.entity';
import { MediationParty } from '../entities/mediation-party.entity';
import { MediationSession } from '../entities/mediation-session.entity';
import { MediationChanged } from '../events';
import { MediationOutcome, MediationStatus } from '../graphql/mediation-enums.type';
import type {
  ConcludeMediationCaseInput, OpenMediationCaseInput, RecordMediationSessionInput, WithdrawMediationCaseInput,
} from '../graphql/mediation.input';
import { perms } from '../permissions';
import { allow } from './access';
import { caseStandingOf, runsCase } from './mediation-access';
import { OUTCOME_STATUS, mediationAllows, type MediationStep } from './mediation-flow';
import { checkParties, partyRows } from './mediation-parties';
import { communityNode } from './tree';
import { PROGRAM } from '../program';

function changed(ctx: GongzhiContext, m: MediationCase, from: MediationStatus | null): void {
  emit(ctx.em, MediationChanged, m, { mediationId: m.id, communityId: m.communityId, lawyerId: m.lawyerId, disputeType: m.disputeType, status: m.status, from });
}

/** Staff who manage mediation at the community open a case, naming a lawyer or a people's mediator. */
export async function openCase(ctx: GongzhiContext, input: OpenMediationCaseInput): Promise<MediationCase> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['mediation:manage'], node);
  checkParties(new InputCheck().text('input.summary', input.summary, { max: 2000 }), input.parties)
    .check((input.mediatorLawyerId == null) !== (input.mediatorName == null), 'input.mediatorName', 'give either mediatorLawyerId or mediatorName')
    .text('input.mediatorName', input.mediatorName, { max: 50, optional: true })
    .done();
  let lawyerId: string | null = null;
  if (input.mediatorLawyerId != null) {
    const lawyer = await loadById(ctx, Lawyer, decodeId(input.mediatorLawyerId, 'Lawyer'));
    if (lawyer?.districtId !== node.districtId) throw new NotFoundError('Lawyer');
    lawyerId = lawyer.id;
  }
  const parties = await partyRows(ctx, node.districtId, input.parties);
  const m = ctx.em.create(MediationCase, {
    ...node, disputeType: input.disputeType, summary: input.summary.trim(), lawyerId, mediatorName: input.mediatorName?.trim() || null,
    openedByAccountId: ctx.actor!.accountId,
  });
  for (const p of parties) ctx.em.create(MediationParty, { districtId: node.districtId, mediationId: m.id, ...p });
  await ctx.em.flush();
  changed(ctx, m, null);
  return m;
}

/**
 * The case locked for `step`, for those who run it. The row lock makes concurrent steps see
 * each other's state; a step the state does not allow is CONFLICT and changes nothing.
 */
async function lockedFor(ctx: GongzhiContext, step: MediationStep, caseId: string, checkInput: (m: MediationCase) => void): Promise<MediationCase> {
  const id = decodeId(caseId, 'MediationCase');
  const m = await ctx.em.findOne(MediationCase, { id });
  if (m) ctx.programs.assertEnabled(PROGRAM, m.districtId);
  const standing = m && await caseStandingOf(ctx, m);
  if (!m || !standing) throw new NotFoundError('MediationCase');
  if (!runsCase(standing)) throw new ForbiddenError('Only the staff who manage mediation at the community or the mediating lawyer may run a case');
  checkInput(m);
  await sqlRows(ctx.em, 'select 1 from la_mediation where id = ? for update', [id]);
  await ctx.em.refresh(m);
  if (!mediationAllows(step, m.status)) {
    throw new ConflictError(`A mediation that is ${m.status} does not allow ${step}`, { reason: 'INVALID_TRANSITION', from: m.status, step });
  }
  return m;
}

/** A session held (not in the future, not before the case was opened); the first puts the case in mediation. */
export async function recordSession(ctx: GongzhiContext, input: RecordMediationSessionInput): Promise<MediationCase> {
  const m = await lockedFor(ctx, 'recordSession', input.caseId, (c) => new InputCheck()
    .check(isValidDate(input.heldOn) && input.heldOn <= today() && input.heldOn >= dateOf(c.openedAt), 'input.heldOn', 'must be a date YYYY-MM-DD from the day the case was opened to today')
    .text('input.notes', input.notes, { max: 5000 })
    .done());
  ctx.em.create(MediationSession, { districtId: m.districtId, mediationId: m.id, heldOn: input.heldOn, notes: input.notes.trim(), recordedByAccountId: ctx.actor!.accountId });
  const from = m.status;
  if (from === MediationStatus.OPEN) Object.assign(m, { status: MediationStatus.IN_MEDIATION, startedAt: new Date() });
  await ctx.em.flush();
  if (from !== m.status) changed(ctx, m, from);
  return m;
}

export async function concludeCase(ctx: GongzhiContext, input: ConcludeMediationCaseInput): Promise<MediationCase> {
  const referred = input.outcome === MediationOutcome.REFERRED;
  const m = await lockedFor(ctx, 'conclude', input.caseId, () => new InputCheck()
    .text('input.note', input.note, { max: 5000 })
    .check(referred === (input.referredTo != null), 'input.referredTo', referred ? 'is required when referred' : 'only when referred')
    .check(referred || input.referralTarget == null, 'input.referralTarget', 'only when referred')
    .text('input.referralTarget', input.referralTarget, { max: 100, optional: true })
    .done());
  const from = m.status;
  Object.assign(m, {
    status: OUTCOME_STATUS[input.outcome], outcomeNote: input.note.trim(), referredTo: input.referredTo ?? null,
    referralTarget: input.referralTarget?.trim() || null, concludedAt: new Date(),
  });
  await ctx.em.flush();
  changed(ctx, m, from);
  return m;
}

export async function withdrawCase(ctx: GongzhiContext, input: WithdrawMediationCaseInput): Promise<MediationCase> {
  const m = await lockedFor(ctx, 'withdraw', input.caseId, () => new InputCheck().text('input.reason', input.reason, { max: 500 }).done());
  const from = m.status;
  Object.assign(m, { status: MediationStatus.WITHDRAWN, outcomeNote: input.reason.trim(), concludedAt: new Date() });
  await ctx.em.flush();
  changed(ctx, m, from);
  return m;
}
