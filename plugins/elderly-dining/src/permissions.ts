import { definePermissions, defineRole } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

/** Core roles (see the gateway's role registry) that hold each permission. */
const ADMIN = 'DISTRICT_ADMIN';
const STREET = 'STREET_STAFF';
const COMMUNITY = 'COMMUNITY_WORKER';
const GRID = 'GRID_WORKER';

/** Every permission of the dining program, `elderly-dining:<resource>:<action>`. */
export const perms = definePermissions(PROGRAM, {
  'kitchen:manage': { zh: '管理中央厨房', en: 'Manage central kitchens', roles: [ADMIN] },
  'canteen:read': { zh: '查看长者食堂', en: 'View elder canteens', roles: [ADMIN, STREET, COMMUNITY, GRID] },
  'canteen:manage': { zh: '管理长者食堂', en: 'Manage elder canteens', roles: [ADMIN] },
  'menu:manage': { zh: '编制并发布菜单', en: 'Compose and publish menus', roles: [ADMIN] },
  'enrolment:read': { zh: '查看助餐登记', en: 'View dining enrolments', roles: [ADMIN, STREET, COMMUNITY, GRID] },
  'enrolment:manage': { zh: '办理助餐登记', en: 'Enrol elders for dining', roles: [ADMIN, COMMUNITY, GRID] },
  'order:read': { zh: '查看订餐', en: 'View meal orders', roles: [ADMIN, STREET, COMMUNITY, GRID] },
  'order:place': { zh: '代老人订餐或取消', en: 'Place or cancel orders on behalf of elders', roles: [ADMIN, COMMUNITY, GRID] },
  'order:serve': { zh: '堂食出餐与送餐管理', en: 'Serve meals and manage deliveries', roles: [ADMIN] },
  'report:read': { zh: '查看统计与补贴结算', en: 'View counts and subsidy settlements', roles: [ADMIN, STREET] },
});

export const permissionList = Object.values(perms);

/**
 * Canteen operator: granted at its social organisation. Canteen scopes carry the operator's
 * `organizationId`, so the grant covers only the canteens that organisation runs.
 */
export const canteenOperatorRole = defineRole({
  key: `${PROGRAM}:canteen-operator`,
  title: { zh: '长者食堂运营方', en: 'Canteen operator' },
  grantableAt: ['ORGANIZATION'],
  permissions: [
    perms['canteen:read'], perms['menu:manage'], perms['enrolment:read'],
    perms['order:read'], perms['order:serve'], perms['report:read'],
  ],
});

export const roleList = [canteenOperatorRole];
