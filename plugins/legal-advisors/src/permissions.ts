import { definePermissions, defineRole } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

/** Core roles (see the gateway's role registry) that hold each permission. */
const ADMIN = 'DISTRICT_ADMIN';
const STREET = 'STREET_STAFF';
const COMMUNITY = 'COMMUNITY_WORKER';
const GRID = 'GRID_WORKER';
const SOCIAL_WORKER = 'SOCIAL_WORKER';
const RESIDENT = 'RESIDENT';

/** Every permission of the legal-advisors program, `legal-advisors:<resource>:<action>`. */
export const perms = definePermissions(PROGRAM, {
  'advisor:read': {
    zh: '查看社区法律顾问', en: 'See who advises a community and how to reach them',
    roles: [ADMIN, STREET, COMMUNITY, GRID, SOCIAL_WORKER, RESIDENT],
  },
  'advisor:manage': { zh: '管理法律服务机构、律师与聘任', en: 'Manage legal offices, lawyers and advisor terms', roles: [ADMIN] },
  'coverage:read': { zh: '查看法律顾问覆盖率', en: 'See legal-advisor coverage', roles: [ADMIN, STREET, COMMUNITY] },
  'office-hours:manage': { zh: '安排与取消坐班', en: 'Schedule and cancel advisors\' office hours', roles: [ADMIN, COMMUNITY] },
  'resident:self-service': {
    zh: '本人预约坐班、申请与评价法律咨询', en: 'Book office hours, ask for consultations and rate them, for oneself', roles: [RESIDENT],
  },
  'resident:on-behalf': {
    zh: '代居民预约坐班、申请法律咨询', en: 'Book office hours and ask for consultations on a resident\'s behalf', roles: [ADMIN, COMMUNITY, GRID],
  },
  'booking:read': { zh: '查看坐班预约名单', en: 'See who booked an office hour', roles: [ADMIN, STREET, COMMUNITY] },
  'consultation:read': {
    zh: '查看法律咨询概况（类别、状态、日期，不含内容）', en: 'See consultations\' metadata (category, state, dates; never the content)', roles: [ADMIN, STREET, COMMUNITY],
  },
  'stats:read': {
    zh: '查看法律服务统计（坐班、咨询、评价；不含内容）', en: 'See service statistics (office hours, consultations, ratings; never the content)', roles: [ADMIN, STREET, COMMUNITY],
  },
  'mediation:read': {
    zh: '查看调解案件概况（类型、状态、日期，不含当事人信息）', en: 'See mediation cases\' metadata (type, state, dates, mediator; never the parties)', roles: [ADMIN, STREET, COMMUNITY],
  },
  'mediation:manage': {
    zh: '受理与办理调解案件（含当事人信息）', en: 'Open and run mediation cases, with the parties\' personal data', roles: [COMMUNITY],
  },
  'education:read': {
    zh: '查看法治宣传活动', en: 'See legal-education sessions (topic, date, lawyer, attendance)', roles: [ADMIN, STREET, COMMUNITY],
  },
  'education:record': {
    zh: '登记法治宣传活动（含参加居民）', en: 'Record legal-education sessions, with the residents who attended', roles: [COMMUNITY],
  },
  // No core role holds these: only the roles below.
  'education:record-own': { zh: '律师登记本人主讲的法治宣传', en: 'Record the legal-education sessions one held, as the lawyer', roles: [] },
  'mediation:mediate': { zh: '作为调解员办理本人调解的案件', en: 'Run the mediation cases one mediates, as the lawyer', roles: [] },
  'consultation:content': { zh: '查看法律咨询内容（保密）', en: 'Read what residents asked and advisors advised (confidential)', roles: [] },
  'consultation:advise': { zh: '作为律师处理分配给本人的咨询', en: 'Handle the consultations assigned to oneself, as the advisor', roles: [] },
});

export const permissionList = Object.values(perms);

/**
 * District legal-services staff (司法局/司法所): run the program for the district or street
 * they are granted at.
 */
export const legalServicesStaffRole = defineRole({
  key: `${PROGRAM}:legal-services-staff`,
  title: { zh: '司法行政工作人员', en: 'Legal-services staff' },
  grantableAt: ['DISTRICT', 'STREET'],
  permissions: (['advisor:read', 'advisor:manage', 'coverage:read', 'office-hours:manage', 'resident:on-behalf', 'booking:read', 'consultation:read', 'consultation:content', 'stats:read',
    'mediation:read', 'mediation:manage', 'education:read', 'education:record'] as const)
    .map((k) => perms[k]),
});

/**
 * A lawyer's own sign-in (linked with `linkLawyerAccount`), granted at the district: reads the
 * advisor directory and handles only the consultations assigned to that lawyer and the
 * mediations they mediate, and records the legal-education sessions they held.
 */
export const advisorRole = defineRole({
  key: `${PROGRAM}:advisor`,
  title: { zh: '社区法律顾问（律师本人）', en: 'Community legal advisor (the lawyer)' },
  grantableAt: ['DISTRICT'],
  permissions: [perms['advisor:read'], perms['consultation:advise'], perms['mediation:mediate'], perms['education:record-own']],
});

export const roleList = [legalServicesStaffRole, advisorRole];
