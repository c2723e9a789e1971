import {
  Arg, AsParent, Authenticated, Community, Ctx, FieldResolver, Mutation, Query, Requires, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { Lawyer } from '../entities/lawyer.entity';
import { MediationCase } from '../entities/mediation-case.entity';
import { MediationParty } from '../entities/mediation-party.entity';
import { MediationSession } from '../entities/mediation-session.entity';
import { perms } from '../permissions';
import { personal } from '../services/mediation-access';
import { casesOfMediator, partiesOfCase, sessionsOfCase } from '../services/mediation-reads';
import { concludeCase, openCase, recordSession, withdrawCase } from '../services/mediation.service';
import { lawyerById } from '../services/office-hour-reads';
import { ConcludeMediationCaseInput, OpenMediationCaseInput, RecordMediationSessionInput, WithdrawMediationCaseInput } from './mediation.input';

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  @Requires(perms['mediation:manage'])
  @Mutation(() => MediationCase, { description: '受理调解案件 / Open a mediation case' })
  openMediationCase(@Arg('input', () => OpenMediationCaseInput) input: OpenMediationCaseInput, @Ctx() ctx: GongzhiContext) {
    return openCase(ctx, input);
  }

  // Staff who manage mediation at the community, or the mediating lawyer: checked per case.
  @Authenticated()
  @Mutation(() => MediationCase, { description: '记录一次调解 / Record a mediation session' })
  recordMediationSession(@Arg('input', () => RecordMediationSessionInput) input: RecordMediationSessionInput, @Ctx() ctx: GongzhiContext) {
    return recordSession(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MediationCase, { description: '调解结案：达成协议、调解不成或转介 / Conclude: agreement, no agreement or referral' })
  concludeMediationCase(@Arg('input', () => ConcludeMediationCaseInput) input: ConcludeMediationCaseInput, @Ctx() ctx: GongzhiContext) {
    return concludeCase(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MediationCase, { description: '撤回调解 / Withdraw a mediation' })
  withdrawMediationCase(@Arg('input', () => WithdrawMediationCaseInput) input: WithdrawMediationCaseInput, @Ctx() ctx: GongzhiContext) {
    return withdrawCase(ctx, input);
  }

  @Requires(perms['mediation:mediate'])
  @Query(() => [MediationCase], { description: '我（律师）调解中的案件 / Open cases I mediate, as the lawyer' })
  myMediationCases(@Ctx() ctx: GongzhiContext) {
    return casesOfMediator(ctx);
  }

  @AsParent()
  @FieldResolver(() => String, { description: '案情摘要（个人信息，查看留痕）/ What the dispute is about; personal, every read audited' })
  summary(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return personal(ctx, m, 'summary', m.summary);
  }

  @AsParent()
  @FieldResolver(() => String, { nullable: true, description: '协议内容、调解不成或撤回原因（个人信息）/ The agreement, or why none or why withdrawn; personal' })
  outcomeNote(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return personal(ctx, m, 'outcomeNote', m.outcomeNote);
  }

  @AsParent()
  @FieldResolver(() => [MediationParty], { description: '当事人（个人信息，查看留痕）/ The parties; personal, every read audited' })
  async parties(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return personal(ctx, m, 'parties', await partiesOfCase(ctx, m.id));
  }

  @AsParent()
  @FieldResolver(() => [MediationSession], { description: '调解记录（日期；记录内容仅办案人员可见）/ Sessions: dates for all readers, notes for those who run the case' })
  sessions(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return sessionsOfCase(ctx, m.id);
  }

  @AsParent()
  @FieldResolver(() => Lawyer, { nullable: true, description: '调解律师 / The mediating lawyer, if a lawyer' })
  mediatorLawyer(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return m.lawyerId ? lawyerById(ctx, m.lawyerId) : null;
  }

  @AsParent()
  @FieldResolver(() => String, { description: '调解员姓名 / The mediator\'s name (the lawyer\'s or the people\'s mediator\'s)' })
  async mediatorName(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return m.mediatorName ?? (await lawyerById(ctx, m.lawyerId!))?.name ?? '';
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() m: MediationCase, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(m.communityId);
  }
}
