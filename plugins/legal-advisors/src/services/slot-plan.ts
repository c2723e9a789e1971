import { addDays, isoWeekday, instantOf } from '@gongzhi/plugin-sdk';

export interface PatternLike { id: string; weekday: number; startTime: string; endTime: string; capacity: number; location: string | null }
export interface TermLike { lawyerId: string; startsOn: string; endsOn: string | null }
export interface PlannedSlot { patternId: string; lawyerId: string; startsAt: Date; endsAt: Date; capacity: number; location: string | null }

/**
 * The dated office hours a weekly pattern asks for on the days `[from, to]` (Beijing
 * calendar), each sat by the advisor whose term covers its day; days without one are returned
 * apart. Slots that start before `now` are left out.
 */
export function planSlots(patterns: PatternLike[], terms: TermLike[], from: string, to: string, now = Date.now()): { planned: PlannedSlot[]; unadvised: Date[] } {
  const advisorOn = (day: string) => terms.find((t) => t.startsOn <= day && (t.endsOn == null || day < t.endsOn))?.lawyerId;
  const planned: PlannedSlot[] = [];
  const unadvised: Date[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const p of patterns.filter((x) => x.weekday === isoWeekday(day))) {
      const startsAt = instantOf(day, p.startTime);
      if (startsAt.getTime() <= now) continue;
      const lawyerId = advisorOn(day);
      if (!lawyerId) unadvised.push(startsAt);
      else planned.push({ patternId: p.id, lawyerId, startsAt, endsAt: instantOf(day, p.endTime), capacity: p.capacity, location: p.location });
    }
  }
  return { planned, unadvised };
}
