import { definePlugin } from '@gongzhi/plugin-sdk';
import { version } from '../package.json';
import { AdvisorAssignment } from './entities/advisor-assignment.entity';
import { LegalBooking } from './entities/booking.entity';
import { LegalConsultation } from './entities/consultation.entity';
import { OfficeHourPattern } from './entities/office-hour-pattern.entity';
import { OfficeHour } from './entities/office-hour.entity';
import { LegalOffice } from './entities/legal-office.entity';
import { LegalEducationAttendee } from './entities/education-attendee.entity';
import { LegalEducationSession } from './entities/education-session.entity';
import { Lawyer } from './entities/lawyer.entity';
import { MediationCase } from './entities/mediation-case.entity';
import { MediationParty } from './entities/mediation-party.entity';
import { MediationSession } from './entities/mediation-session.entity';
import { legalEvents } from './events';
import { AdvisorAssignmentResolver } from './graphql/assignment.resolver';
import { LegalBookingResolver } from './graphql/booking.resolver';
import { CommunityOfficeHoursResolver } from './graphql/community-office-hours.resolver';
import { ConsultationQueueResolver } from './graphql/consultation-queue.resolver';
import { LegalConsultationResolver } from './graphql/consultation.resolver';
import { CommunityEducationResolver } from './graphql/community-education.resolver';
import { CommunityMediationResolver } from './graphql/community-mediation.resolver';
import { LegalEducationSessionResolver } from './graphql/education.resolver';
import { LawyerResolver } from './graphql/lawyer.resolver';
import { MediationPartyResolver, MediationSessionResolver } from './graphql/mediation-party.resolver';
import { MediationCaseResolver } from './graphql/mediation.resolver';
import { OfficeHourResolver } from './graphql/office-hour.resolver';
import { LegalOfficeResolver } from './graphql/office.resolver';
import {
  CommunityStatsResolver, DistrictStatsResolver, LegalAdvisorServiceStatsResolver, LegalCommunityServiceStatsResolver, LegalServiceStatsResolver, StreetStatsResolver,
} from './graphql/stats.resolver';
import { CommunityAdvisorResolver, DistrictAdvisorResolver, StreetAdvisorResolver } from './graphql/tree-fields.resolver';
import { Migration20261202100000_advisors } from './migrations/Migration20261202100000_advisors';
import { Migration20261203090000_office_hours } from './migrations/Migration20261203090000_office_hours';
import { Migration20261203100000_consultations } from './migrations/Migration20261203100000_consultations';
import { Migration20261203140000_mediation } from './migrations/Migration20261203140000_mediation';
import { Migration20261203150000_legal_education } from './migrations/Migration20261203150000_legal_education';
import { legalNodes } from './nodes';
import { permissionList, roleList } from './permissions';
import { PROGRAM } from './program';
import { legalRoutes } from './routes';
import { seedLegalAdvisors } from './seed';
import { legalDashboard } from './services/dashboard.service';
import { legalSettings } from './settings';

export default definePlugin({
  name: PROGRAM,
  version,
  compatibility: '^1.0.0',
  title: { zh: '一社区一法律顾问', en: 'Community legal advisors' },
  description: {
    zh: '法律服务机构与律师、社区法律顾问聘任与覆盖率、坐班与预约、保密的法律咨询、人民调解、法治宣传',
    en: 'Legal-service offices and lawyers, one active legal advisor per community, coverage, office hours, bookings, confidential consultations, mediation and legal education',
  },
  entities: [LegalOffice, Lawyer, AdvisorAssignment, OfficeHourPattern, OfficeHour, LegalBooking, LegalConsultation,
    MediationCase, MediationParty, MediationSession, LegalEducationSession, LegalEducationAttendee],
  resolvers: [
    LegalOfficeResolver, LawyerResolver, AdvisorAssignmentResolver, CommunityAdvisorResolver, StreetAdvisorResolver, DistrictAdvisorResolver,
    OfficeHourResolver, CommunityOfficeHoursResolver, LegalBookingResolver, LegalConsultationResolver, ConsultationQueueResolver,
    DistrictStatsResolver, StreetStatsResolver, CommunityStatsResolver, LegalServiceStatsResolver, LegalAdvisorServiceStatsResolver,
    LegalCommunityServiceStatsResolver,
    MediationCaseResolver, MediationPartyResolver, MediationSessionResolver, CommunityMediationResolver,
    LegalEducationSessionResolver, CommunityEducationResolver,
  ],
  migrations: [Migration20261202100000_advisors, Migration20261203090000_office_hours, Migration20261203100000_consultations, Migration20261203140000_mediation, Migration20261203150000_legal_education],
  permissions: permissionList,
  roles: roleList,
  settings: legalSettings,
  events: legalEvents,
  subscribers: [],
  nodes: legalNodes,
  dashboard: legalDashboard,
  routes: legalRoutes,
  seed: seedLegalAdvisors,
});
