import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConflictError, ForbiddenError, InputCheck, NotFoundError, UnauthenticatedError, badInput, type ScopeLevel, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { Config } from '../config/config';
import { AccountEntity, CommunityEntity, DistrictEntity, GridEntity, RefreshTokenEntity, ResidentEntity, RoleGrantEntity, SocialOrganizationEntity, StreetEntity } from '../entities';
import type { AuditWriter } from '../security/audit';
import { USERNAME_RULE, checkPasswordPolicy, decoyHash, hashPassword, verifyPassword } from './passwords';
import { hashRefresh, type TokenService } from './tokens';
import type { RoleRegistry } from './roles';
import type { GrantAuthorizer } from './authorizer';
import type { IdentityCache } from './identity-cache';
import { P } from './core-permissions';
import { LoginLockout } from './login-lockout';
import { rateLimited, type RateLimiter } from '../security/rate-limit';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  account: AccountEntity;
}

const INVALID = 'Invalid username or password';

/**
 * Logins, token rotation and role grants. Logins and token rotation run on the system
 * connection (the caller is not known yet); account and grant changes run on the request's
 * `em`, inside its tenant transaction, so row-level security holds them to the caller's
 * districts even if a check here were missing.
 */
export class IdentityService {
  constructor(
    private readonly orm: MikroORM,
    private readonly tokens: TokenService,
    private readonly roles: RoleRegistry,
    private readonly audit: AuditWriter,
    private readonly config: Config,
    private readonly cache: IdentityCache,
    private readonly limiter: RateLimiter,
  ) {
    this.lockout = new LoginLockout({ maxFailures: config.maxLoginFailures, lockoutMinutes: config.lockoutMinutes });
  }

  private readonly lockout: LoginLockout;

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  /**
   * `address` is the client's: each address has its own login bucket (a flood from one
   * machine is refused there, not at the account) and its own count of failed passwords.
   */
  async login(username: string, password: string, { requestId, address }: { requestId: string | null; address: string | null }): Promise<Session> {
    const from = address ?? 'unknown';
    if (!(await this.limiter.hit(`login:${from}`, this.config.loginPerIpPerMinute))) throw rateLimited();
    const em = this.em();
    const account = await em.findOne(AccountEntity, { username });
    const fail = async (reason: string) => {
      await this.audit.write({ accountId: account?.id ?? null, actor: username, action: 'login', outcome: 'FAILURE', detail: { reason }, requestId });
      return new UnauthenticatedError(INVALID);
    };
    if (!account) {
      await verifyPassword(await decoyHash(), password); // same cost as a real check
      throw await fail('unknown account');
    }
    if (account.disabled) throw await fail('disabled');
    if (await this.lockout.isLocked(em, account.id, from)) throw await fail('locked for this address');
    if (!(await verifyPassword(account.passwordHash, password))) {
      const locked = await this.lockout.recordFailure(em, account.id, from);
      throw await fail(locked ? 'wrong password; locked for this address' : 'wrong password');
    }
    await this.lockout.clear(em, account.id, from);
    const session = await this.startSession(em, account, randomUUID());
    await this.audit.write({ accountId: account.id, actor: account.username, action: 'login', outcome: 'SUCCESS', requestId });
    return session;
  }

  /** Rotates a refresh token. Reusing a rotated token revokes its whole family. */
  async refresh(refreshToken: string, requestId: string | null): Promise<Session> {
    const em = this.em();
    const outcome = await em.transactional(async (tx): Promise<Session | { reused: RefreshTokenEntity }> => {
      const row = await tx.findOne(RefreshTokenEntity, { tokenHash: hashRefresh(refreshToken) }, { lockMode: 4 });
      if (!row) throw new UnauthenticatedError('Invalid refresh token');
      if (row.usedAt || row.revokedAt) {
        // Committed (not thrown): the revocation must survive this request.
        await tx.nativeUpdate(RefreshTokenEntity, { familyId: row.familyId, revokedAt: null }, { revokedAt: new Date() });
        return { reused: row };
      }
      if (row.expiresAt < new Date()) throw new UnauthenticatedError('Refresh token expired');
      const account = await tx.findOneOrFail(AccountEntity, { id: row.accountId });
      if (account.disabled) throw new UnauthenticatedError('Account disabled');
      row.usedAt = new Date();
      return this.startSession(tx, account, row.familyId);
    });
    if ('reused' in outcome) {
      this.cache.invalidateAccount(outcome.reused.accountId);
      await this.audit.write({ accountId: outcome.reused.accountId, actor: null, action: 'refresh-token-reuse', outcome: 'DENIED', detail: { family: outcome.reused.familyId }, requestId });
      throw new UnauthenticatedError('Refresh token was already used; the session is revoked');
    }
    return outcome;
  }

  async logout(sessionId: string | null, accountId: string, requestId: string | null): Promise<void> {
    if (sessionId) await this.em().nativeUpdate(RefreshTokenEntity, { familyId: sessionId, revokedAt: null }, { revokedAt: new Date() });
    this.cache.invalidateAccount(accountId);
    await this.audit.write({ accountId, actor: null, action: 'logout', outcome: 'SUCCESS', requestId });
  }

  private async startSession(em: EntityManager, account: AccountEntity, familyId: string): Promise<Session> {
    const { token, hash } = this.tokens.newRefreshToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    em.create(RefreshTokenEntity, { id: randomUUID(), accountId: account.id, familyId, tokenHash: hash, expiresAt: refreshTokenExpiresAt });
    await em.flush();
    const access = await this.tokens.issueAccess(account.id, familyId);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: token, refreshTokenExpiresAt, account };
  }

  /** Active grants of an account (the request's caller already has them, from the authenticator). */
  async activeGrants(accountId: string): Promise<RoleGrantEntity[]> {
    return this.em().find(RoleGrantEntity, { accountId, revokedAt: null });
  }

  async account(em: EntityManager, accountId: string): Promise<AccountEntity | null> {
    return em.findOne(AccountEntity, { id: accountId });
  }

  async createAccount(em: EntityManager, input: { username: string; displayName: string; password?: string | null; externalSubject?: string | null; residentId?: string | null }): Promise<AccountEntity> {
    new InputCheck()
      .check(USERNAME_RULE.pattern.test(input.username), 'input.username', USERNAME_RULE.message)
      .text('input.displayName', input.displayName, { max: 40 })
      .done();
    if (input.password != null) checkPasswordPolicy(input.password, input.username, 'input.password');
    // usernames are unique across districts: the check looks past row-level security
    if (await this.em().findOne(AccountEntity, { username: input.username })) throw badInput('input.username', 'is already taken');
    const account = em.create(AccountEntity, {
      username: input.username, displayName: input.displayName.trim(),
      passwordHash: input.password ? await hashPassword(input.password) : null,
      externalSubject: input.externalSubject ?? null, residentId: input.residentId ?? null,
    });
    await em.flush();
    return account;
  }

  /**
   * Links an account to the resident it signs in as (null unlinks). The caller must hold
   * `core:role:grant` at the resident's node (and at the one unlinked): the link hands the
   * account that resident's self-service rights. A resident may have several accounts (a
   * password login and one from the district's identity provider). Its cached identity is dropped at once.
   */
  async linkResident(em: EntityManager, by: GrantAuthorizer, accountId: string, resident: ResidentEntity | null): Promise<AccountEntity> {
    const account = await em.findOne(AccountEntity, { id: accountId });
    if (!account) throw new NotFoundError('Account');
    const current = account.residentId ? await em.findOne(ResidentEntity, { id: account.residentId }) : null;
    for (const r of [current, resident]) if (r) await by.require(P['role:grant'], { districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });
    account.residentId = resident?.id ?? null;
    await em.flush();
    this.cache.invalidateAccount(account.id);
    return account;
  }

  /** The node a grant sits at, from the object id it names. */
  async scopeOf(em: EntityManager, level: ScopeLevel, objectId: string | null): Promise<{ districtId: string | null; scopeId: string | null; node: ScopeNode | null }> {
    if (level === 'PLATFORM') return { districtId: null, scopeId: null, node: null };
    const entity = { DISTRICT: DistrictEntity, STREET: StreetEntity, COMMUNITY: CommunityEntity, GRID: GridEntity, ORGANIZATION: SocialOrganizationEntity }[level];
    const row = objectId ? ((await em.findOne(entity as never, { id: objectId })) as Record<string, string> | null) : null;
    if (!row) throw badInput('input.scopeId', `no ${level.toLowerCase()} with this id`);
    const districtId = level === 'DISTRICT' ? row.id : row.districtId;
    const node: ScopeNode = {
      districtId,
      streetId: level === 'STREET' ? row.id : row.streetId ?? null,
      communityId: level === 'COMMUNITY' ? row.id : row.communityId ?? null,
      gridId: level === 'GRID' ? row.id : null,
      organizationId: level === 'ORGANIZATION' ? row.id : null,
    };
    return { districtId, scopeId: level === 'DISTRICT' ? null : row.id, node };
  }

  /** Grants within the granter's own scope only: the granter must hold `core:role:grant` there and every permission of the role. */
  async grant(em: EntityManager, by: GrantAuthorizer, input: { accountId: string; role: string; level: ScopeLevel; objectId: string | null }, requestId: string | null): Promise<RoleGrantEntity> {
    if (!this.roles.roles.has(input.role)) throw badInput('input.role', 'is not a role of this gateway');
    if (!this.roles.grantableAt(input.role, input.level)) throw badInput('input.level', `${input.role} cannot be granted at ${input.level}`);
    const account = await em.findOne(AccountEntity, { id: input.accountId });
    if (!account) throw new NotFoundError('Account');
    const denied = (districtId: string | null) => this.audit.write({ accountId: by.actor?.accountId ?? null, actor: by.actor?.displayName ?? null, action: 'role.grant', objectType: 'Account', objectId: account.id, districtId, outcome: 'DENIED', detail: { role: input.role, level: input.level }, requestId });
    const scope = await this.scopeOf(em, input.level, input.objectId).catch(async (e) => {
      // a node the caller cannot see answers like one that does not exist; the attempt is still filed under its district
      const hidden = await this.scopeOf(this.em(), input.level, input.objectId).catch(() => null);
      if (hidden) await denied(hidden.districtId);
      throw e;
    });
    const allowed = scope.node
      ? by.allows('core:role:grant', scope.node) && this.roles.roles.get(input.role)!.permissions.every((p) => p !== '*' && by.allows(p, scope.node!))
      : by.isPlatformAdmin;
    if (!allowed) {
      await denied(scope.districtId);
      if (scope.node && by.districts !== '*' && !by.districts.includes(scope.node.districtId)) throw new NotFoundError();
      throw new ForbiddenError('You can grant roles only within your own scope and permissions');
    }
    const existing = await em.findOne(RoleGrantEntity, { accountId: account.id, role: input.role, scopeLevel: input.level, districtId: scope.districtId, scopeId: scope.scopeId, revokedAt: null });
    if (existing) throw new ConflictError('The account already holds this role here');
    const g = em.create(RoleGrantEntity, { accountId: account.id, role: input.role, scopeLevel: input.level, districtId: scope.districtId, scopeId: scope.scopeId, grantedBy: by.actor?.accountId ?? null });
    await em.flush();
    this.cache.invalidateAccount(account.id, em);
    await this.audit.write({ accountId: by.actor?.accountId ?? null, actor: by.actor?.displayName ?? null, action: 'role.grant', objectType: 'Account', objectId: account.id, districtId: scope.districtId, outcome: 'SUCCESS', detail: { role: input.role, level: input.level, scopeId: scope.scopeId }, requestId });
    return g;
  }

  async revoke(em: EntityManager, by: GrantAuthorizer, grantId: string, requestId: string | null): Promise<RoleGrantEntity> {
    const g = await em.findOne(RoleGrantEntity, { id: grantId, revokedAt: null });
    if (!g) throw new NotFoundError('Grant');
    const scope = await this.scopeOf(em, g.scopeLevel, g.scopeLevel === 'DISTRICT' ? g.districtId : g.scopeId);
    const allowed = scope.node ? by.allows('core:role:grant', scope.node) : by.isPlatformAdmin;
    if (!allowed) {
      if (scope.node && by.districts !== '*' && !by.districts.includes(scope.node.districtId)) throw new NotFoundError('Grant');
      throw new ForbiddenError('You can revoke roles only within your own scope');
    }
    g.revokedAt = new Date();
    g.revokedBy = by.actor?.accountId ?? null;
    await em.flush();
    this.cache.invalidateAccount(g.accountId, em);
    await this.audit.write({ accountId: by.actor?.accountId ?? null, actor: by.actor?.displayName ?? null, action: 'role.revoke', objectType: 'Account', objectId: g.accountId, districtId: g.districtId, outcome: 'SUCCESS', detail: { role: g.role }, requestId });
    return g;
  }

  /**
   * Disables or re-enables an account, scoped like grants: the caller must be allowed to
   * grant roles at every node where the account holds one (an account without grants, or
   * with a platform grant: platform admins only). Disabling ends every session at once.
   * Runs on the request's transaction, so row-level security is a second wall.
   */
  async setDisabled(em: EntityManager, by: GrantAuthorizer, accountId: string, disabled: boolean, requestId: string | null): Promise<AccountEntity> {
    const account = await em.findOne(AccountEntity, { id: accountId });
    if (!account) throw new NotFoundError('Account');
    if (disabled && accountId === by.actor?.accountId) throw badInput('accountId', 'you cannot disable your own account');
    const grants = await em.find(RoleGrantEntity, { accountId, revokedAt: null });
    const scopes = await Promise.all(grants.map((g) => this.scopeOf(em, g.scopeLevel, g.scopeLevel === 'DISTRICT' ? g.districtId : g.scopeId)));
    const allowed = by.isPlatformAdmin || (scopes.length > 0 && scopes.every((s) => s.node && by.allows('core:role:grant', s.node)));
    const action = disabled ? 'account.disable' : 'account.enable';
    const entry = { accountId: by.actor?.accountId ?? null, actor: by.actor?.displayName ?? null, action, objectType: 'Account', objectId: accountId, districtId: scopes[0]?.districtId ?? null, requestId };
    if (!allowed) {
      await this.audit.write({ ...entry, outcome: 'DENIED' });
      if (by.districts !== '*' && !scopes.some((s) => s.districtId && by.districts.includes(s.districtId))) throw new NotFoundError('Account');
      throw new ForbiddenError('You can disable only accounts whose every role lies within your own scope');
    }
    account.disabled = disabled;
    await em.flush();
    // Sessions live outside the request's role (refresh_token is not the app role's): ended on
    // their own connection at once, which only ever narrows access if this request rolls back.
    if (disabled) await this.endSessions(accountId);
    this.cache.invalidateAccount(accountId, em);
    await this.audit.write({ ...entry, outcome: 'SUCCESS' });
    return account;
  }

  /** The request's transaction `em` ended: changes it made to accounts are visible now, drop them again. */
  settled(em: EntityManager): void {
    this.cache.settled(em);
  }

  /** Revokes every session of the account; its access tokens stop working on the next request. */
  private async endSessions(accountId: string): Promise<void> {
    await this.em().nativeUpdate(RefreshTokenEntity, { accountId, revokedAt: null }, { revokedAt: new Date() });
    this.cache.invalidateAccount(accountId);
  }
}
