import { BadUserInputError, NotFoundError, type GongzhiContext, type Resident } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { allow } from './access';

/**
 * Whom a resident-facing action is for, and with which right: the caller's own resident
 * (`self-service`); a resident the caller's own resident may act for by a live core relation
 * (family, guardian: `self-service` at the caller's own node); or another resident on whose
 * behalf a worker acts (`on-behalf` at the resident's node, so a grid worker can act for the
 * residents of their grid).
 */
export async function actingFor(ctx: GongzhiContext, residentId: string | null): Promise<{ resident: Resident; onBehalf: boolean }> {
  const own = ctx.actor?.residentId ?? null;
  const id = residentId ?? own;
  if (!id) throw new BadUserInputError({ field: 'input.residentId', message: 'is required: this account is not a resident' });
  const resident = await ctx.core.resident(id);
  if (!resident) throw new NotFoundError('Resident');
  const onBehalf = id !== own;
  const family = onBehalf && own ? await ctx.core.relation(own, id) : null;
  if (family) await allow(ctx, perms['resident:self-service'], (await ctx.core.resident(own!))!);
  else await allow(ctx, onBehalf ? perms['resident:on-behalf'] : perms['resident:self-service'], resident);
  return { resident, onBehalf };
}
