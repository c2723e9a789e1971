import { AsParent, Ctx, FieldResolver, Resident, Resolver, Root, loadById, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { MediationCase } from '../entities/mediation-case.entity';
import { MediationParty } from '../entities/mediation-party.entity';
import { MediationSession } from '../entities/mediation-session.entity';
import { personal } from '../services/mediation-access';

/** A party is reached only through `MediationCase.parties`, which already admitted the caller. */
@Resolver(() => MediationParty)
export class MediationPartyResolver {
  @AsParent()
  @FieldResolver(() => Resident, { nullable: true, description: '居民（本区居民当事人）/ The resident, when the party is one' })
  resident(@Root() p: MediationParty, @Ctx() ctx: GongzhiContext) {
    return p.residentId ? ctx.core.resident(p.residentId) : null;
  }

  @AsParent()
  @FieldResolver(() => String, { description: '姓名 / Name' })
  async name(@Root() p: MediationParty, @Ctx() ctx: GongzhiContext) {
    return p.name ?? (await ctx.core.resident(p.residentId!))?.name ?? '';
  }
}

/** Sessions are listed to every case reader; the notes only to those who run the case. */
@Resolver(() => MediationSession)
export class MediationSessionResolver {
  @AsParent()
  @FieldResolver(() => String, { description: '调解记录（个人信息）/ Notes; personal, for those who run the case' })
  async notes(@Root() s: MediationSession, @Ctx() ctx: GongzhiContext) {
    return personal(ctx, (await loadById(ctx, MediationCase, s.mediationId))!, 'sessionNotes', s.notes);
  }
}
