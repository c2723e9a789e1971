import { defineEvent } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

export interface AdvisorAssignedPayload {
  assignmentId: string;
  communityId: string;
  lawyerId: string;
  startsOn: string;
  /** The term this one replaced, when it was a replacement. */
  replacedAssignmentId: string | null;
}

export interface CommunityUncoveredPayload {
  communityId: string;
  /** The term that ended and left the community without an advisor. */
  assignmentId: string;
  lawyerId: string;
  uncoveredFrom: string;
  reason: string | null;
}

export interface OfficeHourCancelledPayload {
  officeHourId: string;
  communityId: string;
  lawyerId: string;
  startsAt: string;
  /** Bookings cancelled with it: the residents to tell. */
  bookingIds: string[];
  reason: string;
}

/** Metadata only: what a queue or a dashboard may show. Never the content. */
export interface ConsultationChangedPayload {
  consultationId: string;
  communityId: string;
  lawyerId: string;
  category: string;
  status: string;
  /** The status before, null when it was just requested. */
  from: string | null;
}

/** Metadata only: never the parties or what they said. */
export interface MediationChangedPayload {
  mediationId: string;
  communityId: string;
  /** The mediating lawyer, null for a people's mediator named by text. */
  lawyerId: string | null;
  disputeType: string;
  status: string;
  /** The status before, null when the case was just opened. */
  from: string | null;
}

/** This program's own events, payload schema 1.0.0. */
const own = { program: PROGRAM, version: '1.0.0' };

export const AdvisorAssigned = defineEvent<AdvisorAssignedPayload>('legal.advisor-assigned', { ...own, description: '社区已聘任法律顾问 / A community has a legal advisor for a new term' });
export const CommunityUncovered = defineEvent<CommunityUncoveredPayload>('legal.community-uncovered', { ...own, description: '社区暂无法律顾问 / A community is left without a legal advisor' });

export const OfficeHourCancelled = defineEvent<OfficeHourCancelledPayload>('legal.office-hour-cancelled', { ...own, description: '坐班已取消 / An office hour was cancelled, with its bookings' });

export const ConsultationChanged = defineEvent<ConsultationChangedPayload>('legal.consultation-changed', { ...own, description: '法律咨询状态变化（不含内容）/ A consultation was requested or changed state (metadata only)' });

export const MediationChanged = defineEvent<MediationChangedPayload>('legal.mediation-changed', { ...own, description: '调解案件受理或状态变化（不含当事人信息）/ A mediation case was opened or changed state (metadata only)' });

export const legalEvents = [AdvisorAssigned, CommunityUncovered, OfficeHourCancelled, ConsultationChanged, MediationChanged];
