import { ForbiddenError, type GongzhiContext } from '@gongzhi/plugin-sdk';
import type { LegalConsultation } from '../entities/consultation.entity';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { holds } from './access';
import { lawyerById } from './office-hour-reads';

/**
 * How the caller stands to a consultation. The content is for the first three only; a
 * `viewer` (community, street and district staff) sees metadata; null: not at all.
 */
export type Standing = 'resident' | 'advisor' | 'staff' | 'viewer';

/** Once per consultation and operation: each confidential field of a list asks again. */
export function standingOf(ctx: GongzhiContext, c: LegalConsultation): Promise<Standing | null> {
  return ctx.loader<LegalConsultation, Standing | null>('legal-advisors:consultation-standing', (cs) => Promise.all(cs.map((x) => standing(ctx, x)))).load(c);
}

async function standing(ctx: GongzhiContext, c: LegalConsultation): Promise<Standing | null> {
  if (!ctx.actor || !ctx.programs.isEnabled(PROGRAM, c.districtId)) return null;
  if (ctx.actor.residentId === c.residentId) return 'resident';
  if (await holds(ctx, perms['consultation:advise'], c) && (await lawyerById(ctx, c.lawyerId))?.accountId === ctx.actor.accountId) return 'advisor';
  if (await holds(ctx, perms['consultation:content'], c)) return 'staff';
  if (await holds(ctx, perms['consultation:read'], c)) return 'viewer';
  return null;
}

export const readsContent = (s: Standing | null): boolean => s === 'resident' || s === 'advisor' || s === 'staff';

/**
 * A confidential field's value for those who may read it, each read filed in the audit log;
 * FORBIDDEN for everyone else (metadata readers included).
 */
export async function confidential<T>(ctx: GongzhiContext, c: LegalConsultation, field: string, value: T): Promise<T> {
  if (!readsContent(await standingOf(ctx, c))) throw new ForbiddenError('The content of a consultation is confidential');
  if (value != null) {
    ctx.audit.record({ action: `${PROGRAM}.consultation.read-content`, objectType: 'LegalConsultation', objectId: c.id, districtId: c.districtId, detail: { field } });
  }
  return value;
}
