import { AsParent, Ctx, FieldResolver, GongzhiContext, Int, Resolver, Root, loadById } from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { VolunteerActivity } from '../entities/activity.entity';
import { ActivitySignUp } from '../entities/sign-up.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { recordedMinutes } from '../services/activity.service';

@Resolver(() => ActivitySignUp)
export class ActivitySignUpResolver {
  @AsParent()
  @FieldResolver(() => VolunteerActivity, { description: '活动 / Activity' })
  activity(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, s.districtId);
    return loadById(ctx, VolunteerActivity, s.activityId);
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { description: '志愿者 / Volunteer' })
  volunteer(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, s.districtId);
    return loadById(ctx, Volunteer, s.volunteerId);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '签到签退记录的分钟 / Minutes between check-in and check-out' })
  recordedMinutes(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, s.districtId);
    return recordedMinutes(s);
  }
}
