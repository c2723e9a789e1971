import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authenticated, BadUserInputError, Requires, Resident, decodeId, fromGlobalId, loadGrouped, toGlobalId } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { nodeOf } from '../security/access-guard';
import { ResidentEntity, ResidentRelationEntity } from '../entities';
import { endRelation, recordRelation, type Ender } from '../services/relation.service';
import { MyRelations, RecordResidentRelationInput, RelationEndReason, ResidentRelation } from './relation.type';
import { em, load, mustLoadAt } from './load';
import type { CoreContext } from './core-context';

/** The graph's view of a relation, with both names from the operation's resident loader. */
async function out(ctx: CoreContext, r: ResidentRelationEntity): Promise<ResidentRelation> {
  const [resident, relative] = await Promise.all([load(ctx, ResidentEntity, r.residentId), load(ctx, ResidentEntity, r.relativeId)]);
  return {
    id: toGlobalId('ResidentRelation', r.id), residentId: toGlobalId('Resident', r.residentId), relativeId: toGlobalId('Resident', r.relativeId),
    residentName: resident?.name ?? '', relativeName: relative?.name ?? '',
    kind: r.kind as never, consentMethod: r.consentMethod as never, consentReference: r.consentReference,
    consentedAt: r.consentedAt, endedAt: r.endedAt, endReason: r.endReason as never,
  };
}

const grouped = (ctx: CoreContext, column: 'residentId' | 'relativeId', live: boolean) =>
  loadGrouped<ResidentRelationEntity>(ctx, `core:relations:${column}:${live}`, async (ids) =>
    (await em(ctx).find(ResidentRelationEntity, { [column]: { $in: [...ids] }, ...(live ? { endedAt: null } : {}) }, { orderBy: { consentedAt: 'asc' } }))
      .map((r) => [r[column], r] as [string, ResidentRelationEntity]));

@Resolver(() => Resident)
export class ResidentRelationResolver {
  @FieldResolver(() => [ResidentRelation], { description: '可代其办理的亲属（默认仅有效的）/ Relatives who may act for this resident (live ones unless told)' })
  @Requires(P['resident:read'])
  async relatives(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext, @Arg('includeEnded', { defaultValue: false }) includeEnded: boolean) {
    return Promise.all((await grouped(ctx, 'residentId', !includeEnded).load(r.id)).map((x) => out(ctx, x)));
  }

  @Query(() => MyRelations, { description: '本人（居民账号）的亲属代办关系 / The caller\'s own live relations, as a resident' })
  @Authenticated()
  async myRelations(@Ctx() ctx: CoreContext): Promise<MyRelations> {
    const own = ctx.actor?.residentId;
    if (!own) return { caresFor: [], caredBy: [] };
    const [caresFor, caredBy] = await Promise.all([grouped(ctx, 'relativeId', true).load(own), grouped(ctx, 'residentId', true).load(own)]);
    return { caresFor: await Promise.all(caresFor.map((x) => out(ctx, x))), caredBy: await Promise.all(caredBy.map((x) => out(ctx, x))) };
  }

  @Mutation(() => ResidentRelation, { description: '登记亲属代办关系（须经居民同意）/ Record that a relative may act for a resident, with their consent' })
  @Requires(P['resident:write'])
  async recordResidentRelation(@Arg('input') input: RecordResidentRelationInput, @Ctx() ctx: CoreContext) {
    const resident = await mustLoadAt(ctx, P['resident:write'], ResidentEntity, 'Resident', input.residentId);
    const parsed = fromGlobalId(input.relativeId);
    if (parsed?.typename !== 'Resident') throw new BadUserInputError({ field: 'input.relativeId', message: 'must be the id of a Resident' });
    return out(ctx, await recordRelation(em(ctx), {
      resident, relativeId: parsed.id, kind: input.kind, consentMethod: input.consentMethod, consentReference: input.consentReference, recordedBy: ctx.actor!.accountId,
    }));
  }

  @Mutation(() => ResidentRelation, {
    description: '结束亲属代办关系：居民本人可撤回同意，亲属可退出，社区工作人员可办理 / End a relation: the resident withdraws consent, the relative steps back, or staff end it',
  })
  @Authenticated()
  async endResidentRelation(@Arg('id', () => ID) id: string, @Arg('reason', () => RelationEndReason) reason: RelationEndReason, @Ctx() ctx: CoreContext) {
    const own = ctx.actor?.residentId ?? null;
    const ender = async (row: ResidentRelationEntity): Promise<Ender> => {
      const accountId = ctx.actor!.accountId;
      if (own && own === row.residentId) return { by: 'RESIDENT', accountId };
      if (own && own === row.relativeId) return { by: 'RELATIVE', accountId };
      const resident = await load(ctx, ResidentEntity, row.residentId);
      await ctx.auth.require(P['resident:write'], nodeOf(resident)!);
      return { by: 'STAFF', accountId };
    };
    return out(ctx, await endRelation(em(ctx), decodeId(id, 'ResidentRelation'), reason, ender));
  }
}
