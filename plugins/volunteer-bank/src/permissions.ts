import { definePermissions, defineRole } from '@gongzhi/plugin-sdk';

/** Core roles (besides the plugin's own) that hold a permission. */
const STAFF = ['DISTRICT_ADMIN', 'COMMUNITY_WORKER'];
const READERS = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_WORKER', 'GRID_WORKER', 'SOCIAL_WORKER'];
const ORGS = [...STAFF, 'ORG_STAFF'];

export const perms = definePermissions('volunteer-bank', {
  'volunteer:read': { zh: '查看志愿者', en: 'Read volunteers', roles: READERS },
  'volunteer:register': { zh: '登记志愿者', en: 'Register volunteers' },
  'team:manage': { zh: '管理志愿服务队', en: 'Manage volunteer teams' },
  'activity:read': { zh: '查看微行动', en: 'Read activities', roles: READERS },
  'activity:post': { zh: '发布微行动', en: 'Post activities', roles: ORGS },
  'activity:sign-up': { zh: '报名、签到、签退', en: 'Sign up, check in and out', roles: ORGS },
  'activity:verify': { zh: '核定服务时长', en: 'Verify service hours', roles: ORGS },
  'ledger:read': { zh: '查看积分账户', en: 'Read points accounts', roles: READERS },
  'ledger:credit': { zh: '发放积分', en: 'Grant points' },
  'ledger:reverse': { zh: '冲正积分', en: 'Reverse transfers', roles: ['DISTRICT_ADMIN'] },
  'ledger:transfer': { zh: '转赠积分、存入时间银行', en: 'Transfer points, bank hours' },
  'wish:read': { zh: '查看微心愿', en: 'Read micro-wishes', roles: READERS },
  'wish:record': { zh: '登记微心愿', en: 'Record micro-wishes' },
  'wish:claim': { zh: '认领微心愿', en: 'Claim micro-wishes', roles: ORGS },
  'wish:confirm': { zh: '确认微心愿完成', en: 'Confirm micro-wishes' },
  'store:read': { zh: '查看爱心超市', en: 'Read charity stores', roles: READERS },
  'store:manage': { zh: '管理爱心超市', en: 'Manage charity stores' },
  'store:redeem': { zh: '积分兑换', en: 'Redeem points', roles: ORGS },
  'report:read': { zh: '查看排行与统计', en: 'Read leaderboards and figures', roles: READERS },
});

const all = Object.values(perms);
const reads = all.filter((p) => p.key.endsWith(':read'));

export const roles = [
  defineRole({
    key: 'volunteer-bank:admin',
    title: { zh: '志愿银行管理员', en: 'Volunteer bank administrator' },
    grantableAt: ['DISTRICT', 'STREET'],
    permissions: all,
  }),
  defineRole({
    key: 'volunteer-bank:community-worker',
    title: { zh: '社区志愿服务专干', en: 'Community volunteer coordinator' },
    grantableAt: ['COMMUNITY', 'ORGANIZATION'],
    permissions: all.filter((p) => p !== perms['ledger:reverse']),
  }),
  defineRole({
    key: 'volunteer-bank:viewer',
    title: { zh: '志愿银行查看', en: 'Volunteer bank viewer' },
    grantableAt: ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID'],
    permissions: reads,
  }),
];
