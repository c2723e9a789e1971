import type { Clock, GongzhiContext } from '@gongzhi/plugin-sdk';
import type { ProgramService } from '../services/program.service';
import type { SettingsService } from '../services/settings.service';
import type { LoaderRegistry } from '../services/loaders';
import type { NodeRegistry } from './node-registry';
import type { IdentityService } from '../identity/identity.service';
import type { RoleRegistry } from '../identity/roles';
import type { Authenticator } from '../identity/authenticator';
import type { GrantAuthorizer } from '../identity/authorizer';
import type { AuditWriter } from '../security/audit';
import type { Config } from '../config/config';

/** Core-only additions to the plugin context; plugins never see these. */
export interface CoreServices {
  programs: ProgramService;
  settings: SettingsService;
  nodes: NodeRegistry;
  coreVersion: string;
  /** Shared live dashboard snapshots. */
  dashboards: import('../dashboard/dashboard.service').DashboardService;
  roles: RoleRegistry;
  identity: IdentityService;
  authenticator: Authenticator;
  tokens: import('../identity/tokens').TokenService;
  audit: AuditWriter;
  /** Signs the tenant setting of each request transaction. */
  tenantScope: import('../security/tenant-scope').TenantScope;
  config: Config;
  /** This gateway's "now" (GatewayOptions.clock). */
  clock: Clock;
}

export interface CoreContext extends GongzhiContext {
  services: CoreServices;
  loaders: LoaderRegistry;
  auth: GrantAuthorizer;
  actor: (GongzhiContext['actor'] & { sessionId: string | null }) | null;
  /** Client address, for rate limits and the audit log. */
  ip: string | null;
  /** Audit entries of this operation, written once when it ends (e.g. sensitive reads). */
  pendingAudit: import('../security/audit').AuditEntry[];
  /** What a mutation root field adds to its own audit entry's detail, by field name (never personal data). */
  auditDetail: Map<string, Record<string, unknown>>;
  /** Response keys of the root mutation fields whose audit entries are already in the request transaction. */
  auditedInTransaction: Set<string>;
}
