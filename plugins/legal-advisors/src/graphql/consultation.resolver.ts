import {
  Arg, AsParent, Authenticated, Community, Ctx, FieldResolver, Mutation, Query, Requires, Resident, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalConsultation } from '../entities/consultation.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { confidential } from '../services/consultation-access';
import { consultationsOfAdvisor, consultationsOfResident } from '../services/consultation-reads';
import { requestConsultation, takeStep } from '../services/consultations.service';
import type { Step } from '../services/consultation-flow';
import { lawyerById } from '../services/office-hour-reads';
import { LegalConsultationStepInput, RequestLegalConsultationInput } from './consultation.input';

const step = (name: Step, zh: string, en: string) => Mutation(() => LegalConsultation, { name: `${name}LegalConsultation`, description: `${zh} / ${en}` });

@Resolver(() => LegalConsultation)
export class LegalConsultationResolver {
  // Residents for themselves, workers on a resident's behalf: the service checks which.
  @Authenticated()
  @Mutation(() => LegalConsultation, { description: '申请法律咨询（本人或代办）/ Ask for a consultation, for yourself or on a resident\'s behalf' })
  requestLegalConsultation(@Arg('input', () => RequestLegalConsultationInput) input: RequestLegalConsultationInput, @Ctx() ctx: GongzhiContext) {
    return requestConsultation(ctx, input);
  }

  // Each step: the assigned advisor or legal-services staff (the resident rates); checked per consultation.
  @Authenticated() @step('schedule', '约定咨询时间', 'Set when the consultation takes place')
  scheduleStep(@Arg('input', () => LegalConsultationStepInput) input: LegalConsultationStepInput, @Ctx() ctx: GongzhiContext) { return takeStep(ctx, 'schedule', input); }

  @Authenticated() @step('start', '开始咨询', 'Start the consultation')
  startStep(@Arg('input', () => LegalConsultationStepInput) input: LegalConsultationStepInput, @Ctx() ctx: GongzhiContext) { return takeStep(ctx, 'start', input); }

  @Authenticated() @step('resolve', '解答办结', 'Resolve it with advice')
  resolveStep(@Arg('input', () => LegalConsultationStepInput) input: LegalConsultationStepInput, @Ctx() ctx: GongzhiContext) { return takeStep(ctx, 'resolve', input); }

  @Authenticated() @step('refer', '转介', 'Refer it to legal aid, mediation or the courts')
  referStep(@Arg('input', () => LegalConsultationStepInput) input: LegalConsultationStepInput, @Ctx() ctx: GongzhiContext) { return takeStep(ctx, 'refer', input); }

  @Authenticated() @step('rate', '居民评价（结案）', 'The resident rates it, which closes the case')
  rateStep(@Arg('input', () => LegalConsultationStepInput) input: LegalConsultationStepInput, @Ctx() ctx: GongzhiContext) { return takeStep(ctx, 'rate', input); }

  @Requires(perms['resident:self-service'])
  @Query(() => [LegalConsultation], { description: '我的法律咨询（新到旧）/ My consultations, newest first' })
  myLegalConsultations(@Ctx() ctx: GongzhiContext) {
    return consultationsOfResident(ctx);
  }

  @Requires(perms['consultation:advise'])
  @Query(() => [LegalConsultation], { description: '分配给我（律师）的咨询 / Consultations assigned to me as the advisor' })
  myAdvisorConsultations(@Ctx() ctx: GongzhiContext) {
    return consultationsOfAdvisor(ctx);
  }

  @AsParent()
  @FieldResolver(() => String, { description: '咨询事项（保密，查看留痕）/ The matter; confidential, every read audited' })
  question(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return confidential(ctx, c, 'question', c.question);
  }

  @AsParent()
  @FieldResolver(() => String, { nullable: true, description: '解答意见（保密，查看留痕）/ The advice; confidential, every read audited' })
  advice(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return confidential(ctx, c, 'advice', c.advice);
  }

  @AsParent()
  @FieldResolver(() => String, { nullable: true, description: '评价意见（保密）/ The resident\'s comment; confidential' })
  ratingComment(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return confidential(ctx, c, 'ratingComment', c.ratingComment);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '居民（仅本人、顾问与司法行政人员可见）/ The resident; only for those who read the content' })
  async resident(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return confidential(ctx, c, 'resident', await ctx.core.resident(c.residentId));
  }

  @AsParent()
  @FieldResolver(() => Lawyer, { description: '法律顾问 / The advisor' })
  lawyer(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return lawyerById(ctx, c.lawyerId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() c: LegalConsultation, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(c.communityId);
  }
}
