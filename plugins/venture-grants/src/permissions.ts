import { definePermissions, defineRole } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

/** Core roles (see the gateway's role registry) that hold each permission. */
const ADMIN = 'DISTRICT_ADMIN';
const STREET = 'STREET_STAFF';
const COMMUNITY = 'COMMUNITY_WORKER';
const GRID = 'GRID_WORKER';
const ORG = 'ORG_STAFF';
const SOCIAL_WORKER = 'SOCIAL_WORKER';
const RESIDENT = 'RESIDENT';

/** Every permission of the venture-grants program, `venture-grants:<resource>:<action>`. */
export const perms = definePermissions(PROGRAM, {
  // A round is a public call for projects: anyone with a role in its district reads it.
  'round:read': { zh: '查看创投轮次', en: 'See the district\'s venture-grants rounds', roles: [ADMIN, STREET, COMMUNITY, GRID, ORG, SOCIAL_WORKER, RESIDENT] },
  'round:manage': { zh: '设立与推进创投轮次', en: 'Set up rounds and move them through their phases', roles: [ADMIN, STREET] },
  'need:read': { zh: '查看社区需求', en: 'See the needs recorded in a community', roles: [ADMIN, STREET, COMMUNITY, SOCIAL_WORKER, RESIDENT] },
  'need:record-own': { zh: '居民本人提出需求、附议需求', en: 'Record one\'s own needs and support neighbours\' needs, as a resident', roles: [RESIDENT] },
  'need:record': { zh: '记录社区需求', en: 'Record needs found in a community', roles: [ADMIN, COMMUNITY] },
  'need:assess': { zh: '评估需求（优先级、合并重复）', en: 'Assess needs: priority, merging duplicates', roles: [ADMIN, STREET, COMMUNITY] },
  'application:manage': { zh: '社会组织申报项目', en: 'Draft, submit and withdraw an organisation\'s applications', roles: [ORG] },
  'vote:cast': { zh: '居民投票（微实事票选）', en: 'Vote in a round\'s public vote, as a resident of its area', roles: [RESIDENT] },
  'application:read': { zh: '查看已提交的项目申报', en: 'See the applications submitted to a round', roles: [ADMIN, STREET] },
});

export const permissionList = Object.values(perms);

/** The civil-affairs office that runs the program (公益创投项目办) at a district, street or community. */
export const officerRole = defineRole({
  key: `${PROGRAM}:officer`,
  title: { zh: '公益创投项目办', en: 'Venture-grants officer' },
  grantableAt: ['DISTRICT', 'STREET', 'COMMUNITY'],
  permissions: (['round:read', 'round:manage', 'need:read', 'need:assess', 'application:read'] as const).map((k) => perms[k]),
});

export const roleList = [officerRole];
