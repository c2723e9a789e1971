import {
  ConflictError, GongzhiError, NotFoundError, OrgRegistration, badInput, decodeId, loadFresh, requireAt, sqlRow, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureApplication } from '../entities/application.entity';
import { ApplicationStatus } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { checkContent, type ApplicationContent } from './application-content';
import { writeContent } from './application-write';
import { readableRound, readableRoundOf, roundForAction } from './round-reads';

const ELIGIBLE: string[] = [OrgRegistration.REGISTERED, OrgRegistration.FILED];
const orgNode = (a: { districtId: string; organizationId: string }) => ({ districtId: a.districtId, organizationId: a.organizationId });

/** An application its organisation's staff may manage, by global id. */
async function managedApplication(ctx: GongzhiContext, globalId: string): Promise<VentureApplication> {
  const app = await ctx.em.findOne(VentureApplication, { id: decodeId(globalId, 'VentureApplication') });
  if (!app) throw new NotFoundError('VentureApplication');
  await requireAt(ctx, perms['application:manage'], orgNode(app));
  return app;
}

/** A new draft by a registered or filed organisation, during APPLICATION. */
export async function draftApplication(ctx: GongzhiContext, input: { roundId: string; organizationId: string; content: ApplicationContent }): Promise<VentureApplication> {
  const found = await readableRound(ctx, input.roundId);
  const org = await ctx.core.socialOrganization(decodeId(input.organizationId, 'SocialOrganization'));
  if (!org) throw new NotFoundError('SocialOrganization');
  await requireAt(ctx, perms['application:manage'], { districtId: org.districtId, organizationId: org.id });
  if (org.districtId !== found.districtId) throw badInput('input.roundId', 'is a round of another district than the organisation\'s');
  if (!ELIGIBLE.includes(org.registration)) throw new GongzhiError('NOT_ELIGIBLE', 'Only registered or filed organisations apply');
  const checked = await checkContent(ctx, found, org.id, input.content);
  const round = await roundForAction(ctx, found.id, 'application.edit');
  const app = ctx.em.create(VentureApplication, {
    districtId: round.districtId, roundId: round.id, organizationId: org.id, capFen: round.projectCapFen, createdByAccountId: ctx.actor!.accountId,
    title: input.content.title.trim(), category: input.content.category, summary: input.content.summary.trim(), expectedBeneficiaries: input.content.expectedBeneficiaries,
  });
  await ctx.em.flush();
  await writeContent(ctx, app, input.content, checked);
  return loadFresh(ctx, VentureApplication, app.id);
}

/** New content for a draft; the row is locked so a concurrent submit sees one or the other. */
export async function updateApplication(ctx: GongzhiContext, input: { applicationId: string; content: ApplicationContent }): Promise<VentureApplication> {
  const app = await managedApplication(ctx, input.applicationId);
  const round = await readableRoundOf(ctx, app.roundId);
  const checked = await checkContent(ctx, round, app.organizationId, input.content);
  await roundForAction(ctx, round.id, 'application.edit');
  const locked = await sqlRow<{ status: string }>(ctx.em, 'select status from vg_application where id = ? for update', [app.id]);
  if (locked?.status !== ApplicationStatus.DRAFT) throw new ConflictError(`The application is ${locked?.status}, only drafts change`, { reason: 'NOT_DRAFT' });
  await writeContent(ctx, app, input.content, checked);
  return loadFresh(ctx, VentureApplication, app.id);
}

/** DRAFT → SUBMITTED, with a budget and at least one target community. */
export async function submitApplication(ctx: GongzhiContext, globalId: string): Promise<VentureApplication> {
  const app = await managedApplication(ctx, globalId);
  await roundForAction(ctx, app.roundId, 'application.edit');
  const done = await sqlRow(ctx.em, `update vg_application set status = 'SUBMITTED', submitted_at = now()
    where id = ? and status = 'DRAFT' and total_fen > 0 returning id`, [app.id]);
  if (!done) {
    const now = await loadFresh(ctx, VentureApplication, app.id);
    if (now.status !== ApplicationStatus.DRAFT) throw new ConflictError(`The application is ${now.status} already`, { reason: 'NOT_DRAFT' });
    throw badInput('id', 'has no budget lines: a submitted application states what it costs');
  }
  return loadFresh(ctx, VentureApplication, app.id);
}

/** DRAFT or SUBMITTED → WITHDRAWN, while applications are open. */
export async function withdrawApplication(ctx: GongzhiContext, globalId: string): Promise<VentureApplication> {
  const app = await managedApplication(ctx, globalId);
  await roundForAction(ctx, app.roundId, 'application.edit');
  const done = await sqlRow(ctx.em, `update vg_application set status = 'WITHDRAWN', withdrawn_at = now() where id = ? and status <> 'WITHDRAWN' returning id`, [app.id]);
  if (!done) throw new ConflictError('The application is withdrawn already', { reason: 'WITHDRAWN' });
  return loadFresh(ctx, VentureApplication, app.id);
}
