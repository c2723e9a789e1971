import {
  holdsAt, keysetPage, loadGrouped, sqlRows, type ConnectionValue, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureApplication } from '../entities/application.entity';
import { VentureBudgetLine } from '../entities/budget-line.entity';
import type { VentureRound } from '../entities/round.entity';
import { ApplicationStatus } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { roundNode } from './round-node';

/**
 * Who reads an application: its organisation's staff (drafts too), and whoever reads the
 * round's applications at the round's node, once it was submitted. Never anyone else.
 */
export async function readsApplication(ctx: GongzhiContext, app: VentureApplication, round: VentureRound): Promise<boolean> {
  return (await holdsAt(ctx, perms['application:manage'], { districtId: app.districtId, organizationId: app.organizationId }))
    || (app.status !== ApplicationStatus.DRAFT && await holdsAt(ctx, perms['application:read'], roundNode(round)));
}

/** A round's applications the caller may read (as `readsApplication`), oldest first. */
export async function applicationsOfRound(ctx: GongzhiContext, round: VentureRound, f: { status?: ApplicationStatus | null; first?: number | null; after?: string | null }): Promise<ConnectionValue<VentureApplication>> {
  const own = ctx.auth.scopeFilter(perms['application:manage']);
  const officer = await holdsAt(ctx, perms['application:read'], roundNode(round));
  const visible: Record<string, unknown>[] = [];
  if (own.all) visible.push({});
  if (own.organizationIds.length) visible.push({ organizationId: { $in: own.organizationIds } });
  if (officer) visible.push({ status: { $ne: ApplicationStatus.DRAFT } });
  const where: Record<string, unknown> = { roundId: round.id, $or: visible.length ? visible : [{ id: null }] };
  if (f.status) where.status = f.status;
  return keysetPage<VentureApplication>(ctx.em, VentureApplication, { where, sortBy: 'createdAt', first: f.first, after: f.after });
}

export function budgetLinesOf(ctx: GongzhiContext, applicationId: string): Promise<VentureBudgetLine[]> {
  return loadGrouped<VentureBudgetLine>(ctx, 'venture-grants:budget-lines', async (ids) =>
    (await ctx.em.find(VentureBudgetLine, { applicationId: { $in: [...ids] } }, { orderBy: { position: 'asc' } })).map((l) => [l.applicationId, l])).load(applicationId);
}

/** Ids a link table holds per application (target communities, answered needs), one query per list. */
function linked(ctx: GongzhiContext, table: 'vg_application_community' | 'vg_application_need', column: 'community_id' | 'need_id', applicationId: string): Promise<string[]> {
  return loadGrouped<string>(ctx, `venture-grants:${table}`, async (ids) =>
    (await sqlRows<{ a: string; v: string }>(ctx.em, `select application_id as a, ${column} as v from ${table} where application_id in (?) order by ${column}`, [[...ids]]))
      .map((r) => [r.a, r.v])).load(applicationId);
}

export const targetCommunityIdsOf = (ctx: GongzhiContext, id: string) => linked(ctx, 'vg_application_community', 'community_id', id);
export const answeredNeedIdsOf = (ctx: GongzhiContext, id: string) => linked(ctx, 'vg_application_need', 'need_id', id);
