import {
  Arg, AsParent, Authenticated, Community, Ctx, FieldResolver, ForbiddenError, Int, Mutation, Resident, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalEducationSession } from '../entities/education-session.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { attendeeIdsOfSession } from '../services/education-reads';
import { mayRecord, recordSession } from '../services/education.service';
import { lawyerById } from '../services/office-hour-reads';
import { RecordLegalEducationSessionInput } from './education.input';

@Resolver(() => LegalEducationSession)
export class LegalEducationSessionResolver {
  // Community staff, or the lawyer who held it (their own account): the service checks which.
  @Authenticated()
  @Mutation(() => LegalEducationSession, { description: '登记法治宣传活动 / Record a legal-education session that was held' })
  recordLegalEducationSession(@Arg('input', () => RecordLegalEducationSessionInput) input: RecordLegalEducationSessionInput, @Ctx() ctx: GongzhiContext) {
    return recordSession(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => Lawyer, { description: '主讲律师 / The lawyer who held it' })
  lawyer(@Root() s: LegalEducationSession, @Ctx() ctx: GongzhiContext) {
    return lawyerById(ctx, s.lawyerId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() s: LegalEducationSession, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(s.communityId);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '关联居民数 / How many attending residents are linked' })
  async linkedResidentCount(@Root() s: LegalEducationSession, @Ctx() ctx: GongzhiContext) {
    return (await attendeeIdsOfSession(ctx, s.id)).length;
  }

  @AsParent()
  @FieldResolver(() => [Resident], { description: '参加的居民（仅登记人员与主讲律师可见）/ Residents who attended; for those who may record the session' })
  async attendees(@Root() s: LegalEducationSession, @Ctx() ctx: GongzhiContext) {
    const lawyer = await lawyerById(ctx, s.lawyerId);
    if (!lawyer || !(await mayRecord(ctx, s, lawyer))) throw new ForbiddenError('Who attended is for those who record the sessions');
    const residents = await Promise.all((await attendeeIdsOfSession(ctx, s.id)).map((id) => ctx.core.resident(id)));
    return residents.filter((r): r is Resident => !!r);
  }
}
