import { ForbiddenError, type GongzhiContext } from '@gongzhi/plugin-sdk';
import type { MediationCase } from '../entities/mediation-case.entity';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { holds } from './access';
import { lawyerById } from './office-hour-reads';

/**
 * How the caller stands to a mediation case. Those who run it (`manager`: staff who manage
 * mediation at its community, street or district; `mediator`: the mediating lawyer's own
 * account) see the parties and what they said; a `viewer` sees metadata; null: not at all.
 */
export type CaseStanding = 'manager' | 'mediator' | 'viewer';

/** Once per case and operation, however many personal fields of a list ask. */
export function caseStandingOf(ctx: GongzhiContext, m: MediationCase): Promise<CaseStanding | null> {
  return ctx.loader<MediationCase, CaseStanding | null>('legal-advisors:mediation-standing', (ms) => Promise.all(ms.map((x) => standing(ctx, x)))).load(m);
}

async function standing(ctx: GongzhiContext, m: MediationCase): Promise<CaseStanding | null> {
  if (!ctx.actor || !ctx.programs.isEnabled(PROGRAM, m.districtId)) return null;
  if (await holds(ctx, perms['mediation:manage'], m)) return 'manager';
  if (m.lawyerId && await holds(ctx, perms['mediation:mediate'], m) && (await lawyerById(ctx, m.lawyerId))?.accountId === ctx.actor.accountId) return 'mediator';
  if (await holds(ctx, perms['mediation:read'], m)) return 'viewer';
  return null;
}

export const runsCase = (s: CaseStanding | null): boolean => s === 'manager' || s === 'mediator';

/** A personal field's value for those who run the case, each read audited; FORBIDDEN for metadata readers. */
export async function personal<T>(ctx: GongzhiContext, m: MediationCase, field: string, value: T): Promise<T> {
  if (!runsCase(await caseStandingOf(ctx, m))) throw new ForbiddenError('The parties of a mediation and what they said are personal data');
  if (value != null) {
    ctx.audit.record({ action: `${PROGRAM}.mediation.read-personal`, objectType: 'MediationCase', objectId: m.id, districtId: m.districtId, detail: { field } });
  }
  return value;
}
