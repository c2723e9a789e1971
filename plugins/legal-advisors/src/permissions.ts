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
  'booking:self': { zh: '为自己预约坐班', en: 'Book an office hour for oneself', roles: [RESIDENT] },
  'booking:on-behalf': { zh: '代居民预约坐班', en: 'Book an office hour on a resident\'s behalf', roles: [ADMIN, COMMUNITY, GRID] },
  'booking:read': { zh: '查看坐班预约名单', en: 'See who booked an office hour', roles: [ADMIN, STREET, COMMUNITY] },
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
  permissions: ['advisor:read', 'advisor:manage', 'coverage:read', 'office-hours:manage', 'booking:on-behalf', 'booking:read']
    .map((k) => perms[k as keyof typeof perms].key),
});

export const roleList = [legalServicesStaffRole];
