import {
  Arg, AsParent, Ctx, FieldResolver, ID, Mutation, Requires, Resolver, Root, maskPhone, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';
import { LegalOffice } from '../entities/legal-office.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { holds } from '../services/access';
import { currentTermsOfLawyer } from '../services/terms.service';
import { linkLawyerAccount, registerLawyer } from '../services/offices.service';
import { RegisterLawyerInput } from './advisor.input';

@Resolver(() => Lawyer)
export class LawyerResolver {
  @Requires(perms['advisor:manage'])
  @Mutation(() => Lawyer, { description: '登记律师 / Register a lawyer of an office' })
  registerLawyer(@Arg('input', () => RegisterLawyerInput) input: RegisterLawyerInput, @Ctx() ctx: GongzhiContext) {
    return registerLawyer(ctx, input);
  }

  @Requires(perms['advisor:manage'])
  @Mutation(() => Lawyer, { description: '关联律师本人的登录账号（null 解除）/ Link the lawyer\'s own account (null unlinks); grant it legal-advisors:advisor at the district' })
  linkLawyerAccount(@Arg('lawyerId', () => ID) lawyerId: string, @Arg('accountId', () => ID, { nullable: true }) accountId: string | null, @Ctx() ctx: GongzhiContext) {
    return linkLawyerAccount(ctx, lawyerId, accountId);
  }

  @AsParent()
  @FieldResolver(() => LegalOffice, { description: '所属机构 / Office' })
  office(@Root() l: Lawyer, @Ctx() ctx: GongzhiContext) {
    return ctx.loader<string, LegalOffice | null>('legal-advisors:office', async (ids) => {
      const found = await ctx.em.find(LegalOffice, { id: { $in: [...ids] } });
      return ids.map((id) => found.find((o) => o.id === id) ?? null);
    }).load(l.officeId);
  }

  @AsParent()
  @FieldResolver(() => String, { nullable: true, description: '手机号：管理者可见完整号码，否则脱敏 / Mobile number; masked unless the caller manages advisors' })
  async phone(@Root() l: Lawyer, @Ctx() ctx: GongzhiContext): Promise<string | null> {
    if (!l.phone) return null;
    return (await holds(ctx, perms['advisor:manage'], { districtId: l.districtId })) ? l.phone : maskPhone(l.phone);
  }

  @AsParent()
  @FieldResolver(() => [AdvisorAssignment], { description: '当前担任顾问的社区聘期 / Current terms (the communities they advise today)' })
  currentTerms(@Root() l: Lawyer, @Ctx() ctx: GongzhiContext) {
    return currentTermsOfLawyer(ctx, l.id);
  }
}
