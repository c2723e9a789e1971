import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, GongzhiContext, Mutation, PageArgs, Query,
  Requires, Resolver, Root, SocialOrganization, decodeId, keysetPage, filterOfNode, requireAt, scopeWhere, treeScopeOf,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { VolunteerActivity } from '../entities/activity.entity';
import { ActivitySignUp } from '../entities/sign-up.entity';
import { perms } from '../permissions';
import { checkIn, checkOut, postActivity, signUp, withdraw } from '../services/activity.service';
import { verifyHours } from '../services/hours.service';
import {
  AttendanceInput, PostVolunteerActivityInput, SignUpForActivityInput, VerifyServiceHoursInput, WithdrawSignUpInput,
} from './activity.input';
import { HoursVerificationPayload } from './payloads.type';
import { ScopeArg } from './scope.arg';

const ActivityConnection = Connection(VolunteerActivity, 'VolunteerActivity');
const SignUpConnection = Connection(ActivitySignUp, 'ActivitySignUp');

@Resolver(() => VolunteerActivity)
export class VolunteerActivityResolver {
  @Requires(perms['activity:read'])
  @Query(() => ActivityConnection, { description: '微行动列表 / Activities at a node of the tree (newest first)' })
  async volunteerActivities(
    @ScopeArg() scopeId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['activity:read'], scope);
    return keysetPage(ctx.em, VolunteerActivity, { where: scopeWhere(filterOfNode(scope)), sortBy: 'startsAt', direction: 'DESC', ...page });
  }

  @Requires(perms['activity:post'])
  @Mutation(() => VolunteerActivity, { description: '发布微行动 / Post an activity' })
  postVolunteerActivity(@Arg('input') input: PostVolunteerActivityInput, @Ctx() ctx: GongzhiContext) {
    return postActivity(ctx, {
      ...input,
      communityId: decodeId(input.communityId, 'Community'),
      organizationId: input.organizationId ? decodeId(input.organizationId, 'SocialOrganization') : null,
    });
  }

  @Requires(perms['activity:sign-up'])
  @Mutation(() => ActivitySignUp, { description: '报名（不超过名额）/ Sign up (never over capacity)' })
  signUpForActivity(@Arg('input') input: SignUpForActivityInput, @Ctx() ctx: GongzhiContext) {
    return signUp(ctx, decodeId(input.activityId, 'VolunteerActivity'), decodeId(input.volunteerId, 'Volunteer'));
  }

  @Requires(perms['activity:sign-up'])
  @Mutation(() => ActivitySignUp, { description: '退出报名 / Withdraw' })
  withdrawSignUp(@Arg('input') input: WithdrawSignUpInput, @Ctx() ctx: GongzhiContext) {
    return withdraw(ctx, decodeId(input.signUpId, 'ActivitySignUp'));
  }

  @Requires(perms['activity:sign-up'])
  @Mutation(() => ActivitySignUp, { description: '签到 / Check in' })
  checkInToActivity(@Arg('input') input: AttendanceInput, @Ctx() ctx: GongzhiContext) {
    return checkIn(ctx, decodeId(input.signUpId, 'ActivitySignUp'), input.at);
  }

  @Requires(perms['activity:sign-up'])
  @Mutation(() => ActivitySignUp, { description: '签退 / Check out' })
  checkOutOfActivity(@Arg('input') input: AttendanceInput, @Ctx() ctx: GongzhiContext) {
    return checkOut(ctx, decodeId(input.signUpId, 'ActivitySignUp'), input.at);
  }

  @Requires(perms['activity:verify'])
  @Mutation(() => HoursVerificationPayload, { description: '核定服务时长并计积分 / Verify hours and credit points' })
  verifyServiceHours(@Arg('input') input: VerifyServiceHoursInput, @Ctx() ctx: GongzhiContext) {
    return verifyHours(ctx, { ...input, signUpId: decodeId(input.signUpId, 'ActivitySignUp') });
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所属社区 / Community' })
  community(@Root() a: VolunteerActivity, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, a.districtId);
    return ctx.core.community(a.communityId);
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { nullable: true, description: '承办社会组织 / Organisation' })
  organization(@Root() a: VolunteerActivity, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, a.districtId);
    return a.organizationId ? ctx.core.socialOrganization(a.organizationId) : null;
  }

  @Requires(perms['activity:read'])
  @FieldResolver(() => SignUpConnection, { description: '报名记录 / Sign-ups' })
  async signUps(@Root() a: VolunteerActivity, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['activity:read'], a);
    return keysetPage(ctx.em, ActivitySignUp, { where: { activityId: a.id }, sortBy: 'signedUpAt', ...page });
  }
}
