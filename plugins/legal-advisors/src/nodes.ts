import { defineNode, type GongzhiContext, type ScopeNode } from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from './entities/advisor-assignment.entity';
import { LegalBooking } from './entities/booking.entity';
import { LegalConsultation } from './entities/consultation.entity';
import { OfficeHourPattern } from './entities/office-hour-pattern.entity';
import { OfficeHour } from './entities/office-hour.entity';
import { LegalOffice } from './entities/legal-office.entity';
import { Lawyer } from './entities/lawyer.entity';
import { perms } from './permissions';
import { PROGRAM } from './program';
import { holds, holdsForLawyers } from './services/access';
import { standingOf } from './services/consultation-access';

/** The row when the caller may read it as its own field would; PROGRAM_NOT_ENABLED still surfaces. */
async function readable<T extends ScopeNode>(ctx: GongzhiContext, row: T | null, lawyerIds?: (row: T) => Promise<string[]>): Promise<T | null> {
  if (!row) return null;
  ctx.programs.assertEnabled(PROGRAM, row.districtId);
  const ok = lawyerIds
    ? await holdsForLawyers(ctx, perms['advisor:read'], row.districtId, await lawyerIds(row))
    : await holds(ctx, perms['advisor:read'], row);
  return ok ? row : null;
}

export const legalNodes = [
  defineNode({ typename: 'LegalOffice', entity: LegalOffice, load: async (ctx, id) => readable(ctx, await ctx.em.findOne(LegalOffice, { id }),
      async (o) => (await ctx.em.find(Lawyer, { officeId: o.id })).map((l) => l.id)) }),
  defineNode({ typename: 'Lawyer', entity: Lawyer, load: async (ctx, id) => readable(ctx, await ctx.em.findOne(Lawyer, { id }), async (l) => [l.id]) }),
  defineNode({ typename: 'AdvisorAssignment', entity: AdvisorAssignment, load: async (ctx, id) => readable(ctx, await ctx.em.findOne(AdvisorAssignment, { id })) }),
  defineNode({ typename: 'OfficeHour', entity: OfficeHour, load: async (ctx, id) => readable(ctx, await ctx.em.findOne(OfficeHour, { id })) }),
  defineNode({ typename: 'OfficeHourPattern', entity: OfficeHourPattern, load: async (ctx, id) => readable(ctx, await ctx.em.findOne(OfficeHourPattern, { id })) }),
  // A booking: its resident, or who may read the office hour's list.
  defineNode({ typename: 'LegalBooking', entity: LegalBooking, load: async (ctx, id) => {
    const b = await ctx.em.findOne(LegalBooking, { id });
    if (!b) return null;
    ctx.programs.assertEnabled(PROGRAM, b.districtId);
    return b.residentId === ctx.actor?.residentId || (await holds(ctx, perms['booking:read'], b)) ? b : null;
  } }),
  // Its resident, its advisor, legal-services staff, and (metadata) the program's staff.
  defineNode({ typename: 'LegalConsultation', entity: LegalConsultation, load: async (ctx, id) => {
    const c = await ctx.em.findOne(LegalConsultation, { id });
    if (!c) return null;
    ctx.programs.assertEnabled(PROGRAM, c.districtId);
    return (await standingOf(ctx, c)) ? c : null;
  } }),
];
