import {
  Arg, AsParent, Community, Ctx, FieldResolver, ID, Mutation, Requires, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalBooking } from '../entities/booking.entity';
import { OfficeHourPattern } from '../entities/office-hour-pattern.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { allow } from '../services/access';
import { bookingsOfOfficeHour, lawyerById } from '../services/office-hour-reads';
import { addPattern, cancelOfficeHour, generateOfficeHours, removePattern, scheduleOfficeHour } from '../services/office-hours.service';
import {
  AddLegalOfficeHourPatternInput, CancelLegalOfficeHourInput, GenerateLegalOfficeHoursInput, ScheduleLegalOfficeHourInput,
} from './office-hour.input';
import { GeneratedOfficeHours } from './office-hour.type';

@Resolver(() => OfficeHour)
export class OfficeHourResolver {
  @Requires(perms['office-hours:manage'])
  @Mutation(() => OfficeHour, { description: '安排一次坐班（由当天的社区法律顾问坐班）/ Schedule one office hour, sat by the community\'s advisor of that day' })
  scheduleLegalOfficeHour(@Arg('input', () => ScheduleLegalOfficeHourInput) input: ScheduleLegalOfficeHourInput, @Ctx() ctx: GongzhiContext) {
    return scheduleOfficeHour(ctx, input);
  }

  @Requires(perms['office-hours:manage'])
  @Mutation(() => OfficeHourPattern, { description: '新增每周坐班安排 / Add a weekly office hour to a community\'s pattern' })
  addLegalOfficeHourPattern(@Arg('input', () => AddLegalOfficeHourPatternInput) input: AddLegalOfficeHourPatternInput, @Ctx() ctx: GongzhiContext) {
    return addPattern(ctx, input);
  }

  @Requires(perms['office-hours:manage'])
  @Mutation(() => Boolean, { description: '删除每周坐班安排（已生成的坐班保留）/ Remove a weekly office hour; dated ones made from it stay' })
  removeLegalOfficeHourPattern(@Arg('id', () => ID) id: string, @Ctx() ctx: GongzhiContext) {
    return removePattern(ctx, id);
  }

  @Requires(perms['office-hours:manage'])
  @Mutation(() => GeneratedOfficeHours, { description: '按每周安排生成日期内的坐班 / Make the dated office hours of a period from the weekly pattern' })
  generateLegalOfficeHours(@Arg('input', () => GenerateLegalOfficeHoursInput) input: GenerateLegalOfficeHoursInput, @Ctx() ctx: GongzhiContext) {
    return generateOfficeHours(ctx, input);
  }

  @Requires(perms['office-hours:manage'])
  @Mutation(() => OfficeHour, { description: '取消坐班及其预约 / Cancel an office hour and its bookings' })
  cancelLegalOfficeHour(@Arg('input', () => CancelLegalOfficeHourInput) input: CancelLegalOfficeHourInput, @Ctx() ctx: GongzhiContext) {
    return cancelOfficeHour(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => Lawyer, { description: '坐班律师 / The advisor sitting' })
  lawyer(@Root() s: OfficeHour, @Ctx() ctx: GongzhiContext) {
    return lawyerById(ctx, s.lawyerId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() s: OfficeHour, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(s.communityId);
  }

  @Requires(perms['booking:read'])
  @FieldResolver(() => [LegalBooking], { description: '预约名单（含已取消）/ Bookings, cancelled ones included' })
  async bookings(@Root() s: OfficeHour, @Ctx() ctx: GongzhiContext) {
    await allow(ctx, perms['booking:read'], s);
    return bookingsOfOfficeHour(ctx, s.id);
  }
}
