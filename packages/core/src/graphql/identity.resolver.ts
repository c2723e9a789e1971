import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  Authenticated, Connection, NotFoundError, Public, Requires, decodeId, fromGlobalId, keysetPage, toGlobalId, PageArgs, type ScopeLevel,
} from '@gongzhi/plugin-sdk';
import { AccountEntity, AuditLogEntity, DistrictEntity, ResidentEntity, type RoleGrantEntity } from '../entities';
import { P } from '../identity/core-permissions';
import type { Session } from '../identity/identity.service';
import { Account, AuditEntryType, AuditLogFilter, AuthSession, CreateAccountInput, GrantRoleInput, RoleGrant, SessionScope } from './identity.type';
import { em, mustLoad, mustLoadAt } from './load';
import type { CoreContext } from './core-context';

const AuditConnection = Connection(AuditEntryType, 'AuditEntry');
const TYPENAME: Record<string, string> = { DISTRICT: 'District', STREET: 'Street', COMMUNITY: 'Community', GRID: 'Grid', ORGANIZATION: 'SocialOrganization' };

const grantOut = (g: RoleGrantEntity): RoleGrant => ({
  id: toGlobalId('RoleGrant', g.id), role: g.role, scopeLevel: g.scopeLevel as never, grantedAt: g.grantedAt,
  scope: g.scopeLevel === 'PLATFORM' ? null : toGlobalId(TYPENAME[g.scopeLevel], g.scopeLevel === 'DISTRICT' ? g.districtId! : g.scopeId!),
});

async function accountOut(ctx: CoreContext, a: AccountEntity, grants?: RoleGrantEntity[]): Promise<Account> {
  const gs = grants ?? (await ctx.services.identity.activeGrants(a.id));
  const perms = [...ctx.services.roles.permissions.keys()].filter((p) => gs.some((g) => ctx.services.roles.holds(g.role, p)));
  return { id: toGlobalId('Account', a.id), username: a.username, displayName: a.displayName, grants: gs.map(grantOut), permissions: perms.sort(),
    residentId: a.residentId ? toGlobalId('Resident', a.residentId) : null };
}

const sessionOut = async (ctx: CoreContext, s: Session): Promise<AuthSession> => ({ ...s, account: await accountOut(ctx, s.account) });

@Resolver()
export class IdentityResolver {
  @Mutation(() => AuthSession, { description: '用户名密码登录；同一地址多次失败后对该地址锁定 / Password login; repeated failures from one address lock that address out of the account' })
  @Public()
  async login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: CoreContext): Promise<AuthSession> {
    return sessionOut(ctx, await ctx.services.identity.login(username, password, { requestId: ctx.requestId, address: ctx.ip }));
  }

  @Mutation(() => AuthSession, { description: '用刷新令牌换新令牌（旧令牌作废；重复使用则整个会话吊销）/ Rotate tokens; reuse revokes the session' })
  @Public()
  async refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: CoreContext): Promise<AuthSession> {
    return sessionOut(ctx, await ctx.services.identity.refresh(refreshToken, ctx.requestId));
  }

  @Mutation(() => Boolean, { description: '退出登录，吊销当前会话 / Revoke the current session' })
  @Authenticated()
  async logout(@Ctx() ctx: CoreContext): Promise<boolean> {
    await ctx.services.identity.logout(ctx.actor!.sessionId, ctx.actor!.accountId, ctx.requestId);
    return true;
  }

  @Query(() => Account, { description: '当前账号 / The signed-in account' })
  @Authenticated()
  async me(@Ctx() ctx: CoreContext): Promise<Account> {
    const account = await ctx.services.identity.account(em(ctx), ctx.actor!.accountId);
    if (!account) throw new NotFoundError('Account');
    return accountOut(ctx, account, ctx.auth.grants);
  }

  @Query(() => SessionScope, { description: '本次请求在数据库中的身份与租户设置 / The database role and tenant setting this request runs with' })
  @Authenticated()
  async sessionScope(@Ctx() ctx: CoreContext): Promise<SessionScope> {
    // the setting as row-level security reads it: verified, without its MAC
    const [row] = await em(ctx).execute<{ t: string; r: string }[]>(`select gongzhi_verified_scope() as t, current_user as r`);
    return { tenantSetting: row.t ?? '', databaseRole: row.r };
  }

  @Mutation(() => Account, { description: '新建账号 / Create an account' })
  @Requires(P['account:manage'])
  async createAccount(@Arg('input') input: CreateAccountInput, @Ctx() ctx: CoreContext): Promise<Account> {
    return accountOut(ctx, await ctx.services.identity.createAccount(em(ctx), input), []);
  }

  @Mutation(() => Account, { description: '将账号关联到居民（居民本人登录用；residentId 为空则解除）/ Link an account to the resident it signs in as (null unlinks)' })
  @Requires(P['role:grant'])
  async linkAccountToResident(@Arg('accountId', () => ID) accountId: string, @Arg('residentId', () => ID, { nullable: true }) residentId: string | null, @Ctx() ctx: CoreContext): Promise<Account> {
    const resident = residentId ? await mustLoad(ctx, ResidentEntity, 'Resident', residentId) : null;
    return accountOut(ctx, await ctx.services.identity.linkResident(em(ctx), ctx.auth, decodeId(accountId, 'Account'), resident));
  }

  @Mutation(() => RoleGrant, { description: '在辖区节点授予角色（仅限本人范围内）/ Grant a role at a node, within your own scope' })
  @Requires(P['role:grant'])
  async grantRole(@Arg('input') input: GrantRoleInput, @Ctx() ctx: CoreContext): Promise<RoleGrant> {
    const objectId = input.scopeId ? fromGlobalId(input.scopeId)?.id ?? '00000000-0000-0000-0000-000000000000' : null;
    const g = await ctx.services.identity.grant(em(ctx), ctx.auth, { accountId: decodeId(input.accountId, 'Account'), role: input.role, level: input.level as ScopeLevel, objectId }, ctx.requestId);
    return grantOut(g);
  }

  @Mutation(() => RoleGrant, { description: '撤销角色 / Revoke a role grant' })
  @Requires(P['role:grant'])
  async revokeRole(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: CoreContext): Promise<RoleGrant> {
    return grantOut(await ctx.services.identity.revoke(em(ctx), ctx.auth, decodeId(grantId, 'RoleGrant'), ctx.requestId));
  }

  @Mutation(() => Account, { description: '停用账号：立即结束其全部会话（仅限本人范围内）/ Disable an account and end its sessions at once, within your own scope' })
  @Requires(P['role:grant'])
  async disableAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: CoreContext): Promise<Account> {
    return accountOut(ctx, await ctx.services.identity.setDisabled(em(ctx), ctx.auth, decodeId(accountId, 'Account'), true, ctx.requestId));
  }

  @Mutation(() => Account, { description: '重新启用账号（需重新登录）/ Re-enable an account (it logs in again)' })
  @Requires(P['role:grant'])
  async enableAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: CoreContext): Promise<Account> {
    return accountOut(ctx, await ctx.services.identity.setDisabled(em(ctx), ctx.auth, decodeId(accountId, 'Account'), false, ctx.requestId));
  }

  @Query(() => AuditConnection, { description: '审计日志（区管理员）/ Audit log of a district' })
  @Requires(P['audit:read'])
  async auditLog(@Arg('filter') filter: AuditLogFilter, @Args() page: PageArgs, @Ctx() ctx: CoreContext) {
    const district = await mustLoadAt(ctx, P['audit:read'], DistrictEntity, 'District', filter.districtId).catch((e) => {
      throw e instanceof NotFoundError ? new NotFoundError('District') : e;
    });
    const where: Record<string, unknown> = { districtId: district.id };
    if (filter.actionPrefix) where.action = { $like: `${filter.actionPrefix.replace(/[\\%_]/g, '\\$&')}%` };
    return keysetPage(em(ctx), AuditLogEntity, { where, direction: 'DESC', ...page });
  }
}
