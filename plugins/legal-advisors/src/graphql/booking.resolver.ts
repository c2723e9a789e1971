import {
  Arg, AsParent, Authenticated, Ctx, FieldResolver, ID, Mutation, Query, Requires, Resident, Resolver, Root, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalBooking } from '../entities/booking.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { officeHourById } from '../services/office-hour-reads';
import { bookOfficeHour, cancelBooking, myBookings } from '../services/bookings.service';
import { perms } from '../permissions';
import { BookLegalOfficeHourInput } from './office-hour.input';

@Resolver(() => LegalBooking)
export class LegalBookingResolver {
  // Residents book for themselves, workers on a resident's behalf: the service checks which.
  @Authenticated()
  @Mutation(() => LegalBooking, { description: '预约坐班：本人或工作人员代约 / Book a place in an office hour, for yourself or on a resident\'s behalf' })
  bookLegalOfficeHour(@Arg('input', () => BookLegalOfficeHourInput) input: BookLegalOfficeHourInput, @Ctx() ctx: GongzhiContext) {
    return bookOfficeHour(ctx, input);
  }

  @Authenticated()
  @Mutation(() => LegalBooking, { description: '取消坐班预约（开始前按区设定的时限）/ Cancel a booking, until the district\'s cutoff before the office hour' })
  cancelLegalBooking(@Arg('id', () => ID) id: string, @Ctx() ctx: GongzhiContext) {
    return cancelBooking(ctx, id);
  }

  @Requires(perms['resident:self-service'])
  @Query(() => [LegalBooking], { description: '我的坐班预约（新到旧）/ My office-hour bookings, newest first' })
  myLegalBookings(@Ctx() ctx: GongzhiContext) {
    return myBookings(ctx);
  }

  @AsParent()
  @FieldResolver(() => OfficeHour, { description: '坐班 / Office hour' })
  officeHour(@Root() b: LegalBooking, @Ctx() ctx: GongzhiContext) {
    return officeHourById(ctx, b.officeHourId);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '居民 / Resident' })
  resident(@Root() b: LegalBooking, @Ctx() ctx: GongzhiContext) {
    return ctx.core.resident(b.residentId);
  }
}
