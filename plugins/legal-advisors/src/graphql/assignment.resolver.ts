import {
  Arg, AsParent, Community, Ctx, FieldResolver, Mutation, Requires, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { lawyerById } from '../services/office-hour-reads';
import { assignAdvisor, endTerm, replaceAdvisor } from '../services/assignments.service';
import { AssignLegalAdvisorInput, EndLegalAdvisorTermInput, ReplaceLegalAdvisorInput } from './advisor.input';

@Resolver(() => AdvisorAssignment)
export class AdvisorAssignmentResolver {
  @Requires(perms['advisor:manage'])
  @Mutation(() => AdvisorAssignment, { description: '聘任社区法律顾问 / Start a lawyer\'s term as a community\'s advisor' })
  assignLegalAdvisor(@Arg('input', () => AssignLegalAdvisorInput) input: AssignLegalAdvisorInput, @Ctx() ctx: GongzhiContext) {
    return assignAdvisor(ctx, input);
  }

  @Requires(perms['advisor:manage'])
  @Mutation(() => AdvisorAssignment, { description: '更换社区法律顾问：结束现任并开始新任 / End the current term and start the new advisor\'s, in one step' })
  replaceLegalAdvisor(@Arg('input', () => ReplaceLegalAdvisorInput) input: ReplaceLegalAdvisorInput, @Ctx() ctx: GongzhiContext) {
    return replaceAdvisor(ctx, input);
  }

  @Requires(perms['advisor:manage'])
  @Mutation(() => AdvisorAssignment, { description: '结束法律顾问聘期 / End an advisor\'s term' })
  endLegalAdvisorTerm(@Arg('input', () => EndLegalAdvisorTermInput) input: EndLegalAdvisorTermInput, @Ctx() ctx: GongzhiContext) {
    return endTerm(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => Lawyer, { description: '律师 / Lawyer' })
  lawyer(@Root() t: AdvisorAssignment, @Ctx() ctx: GongzhiContext) {
    return lawyerById(ctx, t.lawyerId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() t: AdvisorAssignment, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(t.communityId);
  }
}
