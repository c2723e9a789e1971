import { InputCheck, NotFoundError, decodeId, loadById, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalEducationAttendee } from '../entities/education-attendee.entity';
import { LegalEducationSession } from '../entities/education-session.entity';
import { Lawyer } from '../entities/lawyer.entity';
import type { RecordLegalEducationSessionInput } from '../graphql/education.input';
import { perms } from '../permissions';
import { allow, holds } from './access';
import { communityNode, type CommunityNode } from './tree';

const MAX_ATTENDANCE = 5000;
const MAX_LINKED = 500;
const HOUR = 3_600_000;

/** Community staff record any lawyer's session; a lawyer's own account only the sessions they held. */
export async function mayRecord(ctx: GongzhiContext, node: CommunityNode, lawyer: Pick<Lawyer, 'accountId'>): Promise<boolean> {
  if (await holds(ctx, perms['education:record'], node)) return true;
  return lawyer.accountId != null && lawyer.accountId === ctx.actor?.accountId && holds(ctx, perms['education:record-own'], node);
}

function checkInput(input: RecordLegalEducationSessionInput, residentIds: string[]): void {
  const start = input.startsAt?.getTime() ?? NaN;
  const end = input.endsAt?.getTime() ?? NaN;
  new InputCheck()
    .text('input.topic', input.topic, { max: 100 })
    .text('input.location', input.location, { max: 100, optional: true })
    .check(start <= Date.now() && start >= Date.now() - 366 * 24 * HOUR, 'input.startsAt', 'must be in the past year: a session is recorded once held')
    .check(end > start && end <= start + 12 * HOUR, 'input.endsAt', 'must be after startsAt, at most 12 hours')
    .int('input.attendance', input.attendance, { min: Math.min(residentIds.length, MAX_ATTENDANCE), max: MAX_ATTENDANCE })
    .check(residentIds.length <= MAX_LINKED, 'input.residentIds', `at most ${MAX_LINKED}`)
    .check(new Set(residentIds).size === residentIds.length, 'input.residentIds', 'lists a resident twice')
    .done();
}

export async function recordSession(ctx: GongzhiContext, input: RecordLegalEducationSessionInput): Promise<LegalEducationSession> {
  const node = await communityNode(ctx, input.communityId);
  const lawyer = await loadById(ctx, Lawyer, decodeId(input.lawyerId, 'Lawyer'));
  if (lawyer?.districtId !== node.districtId) throw new NotFoundError('Lawyer');
  if (!(await mayRecord(ctx, node, lawyer))) await allow(ctx, perms['education:record'], node);
  const residentIds = (input.residentIds ?? []).map((id) => decodeId(id, 'Resident'));
  checkInput(input, residentIds);
  const residents = await Promise.all(residentIds.map((id) => ctx.core.resident(id)));
  if (residents.some((r) => r?.districtId !== node.districtId)) throw new NotFoundError('Resident');
  const session = ctx.em.create(LegalEducationSession, {
    ...node, lawyerId: lawyer.id, topic: input.topic.trim(), startsAt: input.startsAt, endsAt: input.endsAt,
    location: input.location?.trim() || null, attendance: input.attendance, recordedByAccountId: ctx.actor!.accountId,
  });
  for (const residentId of residentIds) ctx.em.create(LegalEducationAttendee, { districtId: node.districtId, sessionId: session.id, residentId });
  await ctx.em.flush();
  return session;
}
