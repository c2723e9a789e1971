import { defineNode, type GongzhiContext, type NodeDefinition, type NodeReadRule } from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from './entities/advisor-assignment.entity';
import { LegalBooking } from './entities/booking.entity';
import { LegalConsultation } from './entities/consultation.entity';
import { OfficeHourPattern } from './entities/office-hour-pattern.entity';
import { OfficeHour } from './entities/office-hour.entity';
import { LegalOffice } from './entities/legal-office.entity';
import { LegalEducationSession } from './entities/education-session.entity';
import { MediationCase } from './entities/mediation-case.entity';
import { Lawyer } from './entities/lawyer.entity';
import { perms } from './permissions';
import { holdsForLawyers } from './services/access';
import { standingOf } from './services/consultation-access';
import { caseStandingOf } from './services/mediation-access';
import { lawyerById } from './services/office-hour-reads';

/** District-wide directory entries: at the district, or where one of its lawyers advises (`holdsForLawyers`). */
const directory = <T extends { districtId: string }>(lawyerIds: (row: T, ctx: GongzhiContext) => Promise<string[]>): NodeReadRule<T> => ({
  permission: perms['advisor:read'],
  scope: (row) => ({ districtId: row.districtId }),
  alsoReadableBy: async (row, ctx) => holdsForLawyers(ctx, perms['advisor:read'], row.districtId, await lawyerIds(row, ctx)),
});

export const legalNodes: NodeDefinition[] = [
  defineNode({ typename: 'LegalOffice', entity: LegalOffice, read: directory<LegalOffice>(async (o, ctx) => (await ctx.em.find(Lawyer, { officeId: o.id })).map((l) => l.id)) }),
  defineNode({ typename: 'Lawyer', entity: Lawyer, read: directory<Lawyer>(async (l) => [l.id]) }),
  defineNode({ typename: 'AdvisorAssignment', entity: AdvisorAssignment, read: { permission: perms['advisor:read'] } }),
  defineNode({ typename: 'OfficeHour', entity: OfficeHour, read: { permission: perms['advisor:read'] } }),
  defineNode({ typename: 'OfficeHourPattern', entity: OfficeHourPattern, read: { permission: perms['advisor:read'] } }),
  // its resident, or who may read the office hour's list
  defineNode({ typename: 'LegalBooking', entity: LegalBooking, read: { permission: perms['booking:read'], alsoReadableBy: (b, ctx) => b.residentId === ctx.actor?.residentId } }),
  // its resident, its advisor, legal-services staff, and (metadata) the program's staff
  defineNode({ typename: 'LegalConsultation', entity: LegalConsultation, read: { permission: perms['consultation:read'], alsoReadableBy: async (c, ctx) => (await standingOf(ctx, c)) !== null } }),
  // who runs the case, and (metadata) the program's staff
  defineNode({ typename: 'MediationCase', entity: MediationCase, read: { permission: perms['mediation:read'], alsoReadableBy: async (m, ctx) => (await caseStandingOf(ctx, m)) !== null } }),
  // the program's staff, and the lawyer who held it
  defineNode({ typename: 'LegalEducationSession', entity: LegalEducationSession, read: {
    permission: perms['education:read'], alsoReadableBy: async (s, ctx) => ctx.actor != null && (await lawyerById(ctx, s.lawyerId))?.accountId === ctx.actor.accountId,
  } }),
];
