import { AsParent, Ctx, FieldResolver, GongzhiContext, Int, Resolver, Root } from '@gongzhi/plugin-sdk';
import { VolunteerActivity } from '../entities/activity.entity';
import { ActivitySignUp } from '../entities/sign-up.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { gate } from '../services/access.service';
import { recordedMinutes } from '../services/activity.service';
import { loadById } from '../services/loader.service';

@Resolver(() => ActivitySignUp)
export class ActivitySignUpResolver {
  @AsParent()
  @FieldResolver(() => VolunteerActivity, { description: '活动 / Activity' })
  activity(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    gate(ctx, s.districtId);
    return loadById(ctx, VolunteerActivity, s.activityId);
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { description: '志愿者 / Volunteer' })
  volunteer(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    gate(ctx, s.districtId);
    return loadById(ctx, Volunteer, s.volunteerId);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '签到签退记录的分钟 / Minutes between check-in and check-out' })
  recordedMinutes(@Root() s: ActivitySignUp, @Ctx() ctx: GongzhiContext) {
    gate(ctx, s.districtId);
    return recordedMinutes(s);
  }
}
