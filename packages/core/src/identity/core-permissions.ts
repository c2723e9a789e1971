import { definePermissions } from '@gongzhi/plugin-sdk';

/** Permissions the core declares; plugins declare theirs in their manifests. */
export const corePermissions = definePermissions('core', {
  'tree:read': { zh: '查看辖区树', en: 'Read the territory tree' },
  'tree:write': { zh: '维护辖区树', en: 'Create and change streets, communities and grids' },
  'district:create': { zh: '新建区/县', en: 'Create districts' },
  'resident:read': { zh: '查看居民（脱敏）', en: 'Read residents (masked)' },
  'resident:write': { zh: '登记和修改居民', en: 'Register and change residents' },
  'resident:reveal': { zh: '查看完整身份证号和手机号', en: 'See full identity numbers and phones' },
  'organization:read': { zh: '查看社会组织和社工', en: 'Read social organisations and workers' },
  'organization:write': { zh: '维护社会组织和社工', en: 'Register and change social organisations and workers' },
  'program:manage': { zh: '启用或停用项目', en: 'Enable and disable programs' },
  'program:configure': { zh: '修改项目设置', en: 'Change program settings' },
  'events:read': { zh: '订阅事件和看板', en: 'Subscribe to events and dashboards' },
  'audit:read': { zh: '查看审计日志', en: 'Read the audit log' },
  'role:grant': { zh: '授予和撤销角色', en: 'Grant and revoke roles' },
  'account:manage': { zh: '管理账号', en: 'Create accounts' },
  'platform:read': { zh: '查看平台信息', en: 'Read platform information' },
});

/** The core's permissions by short name: what `@Requires`, `ctx.auth` and the role table take. */
export const P = corePermissions;
