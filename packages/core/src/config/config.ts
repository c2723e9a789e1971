import path from 'node:path';
import { BadUserInputError } from '@gongzhi/plugin-sdk';
import { trustProxyProblem } from '../server/client-address';
import { checkCredentials } from '../identity/passwords';

/** Gateway configuration, read once from the environment and validated. */
export interface Config {
  mode: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The system connection (owner: migrations, set-up, sequencer, relay, seed); null: start an embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | null;
  /** The request path's connection, as an operator-provided login role; null: the gateway creates one (db/request-role.ts). */
  requestDatabaseUrl: string | null;
  dataDir: string;
  /** Connections of the request pool. */
  dbPoolMax: number;
  /** Connections of the system pool. */
  dbSystemPoolMax: number;
  /** Plugin names to load; null: every installed plugin. */
  plugins: string[] | null;
  pluginDirs: string[];
  seedDemo: boolean;
  pageSizeDefault: number;
  pageSizeMax: number;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Reports SQL statements per request in `x-sql-statements` (tests and benchmarks). */
  exposeSqlCount: boolean;
  redisUrl: string | null;
  /** graphql-ws: close sockets that do not send connection_init in time. */
  wsInitTimeoutMs: number;
  /** How long a session's identity and grants are reused without a lookup (the bound for changes made on another gateway). */
  identityCacheTtlMs: number;
  /** graphql-ws operations in flight per socket / per account on one gateway, and an account's operations running database work at once. */
  wsAdmission: { perSocket: number; perAccount: number; concurrentPerAccount: number };
  /** How often an open WebSocket re-checks its session and grants (closed with 4403 when they changed). */
  wsRecheckMs: number;
  /** HMAC secret of access tokens; null: a development secret kept in the data folder. */
  jwtSecret: string | null;
  /** AES-256 key (base64, 32 bytes) for identity numbers and phones at rest; null: development key. */
  dataKey: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  maxLoginFailures: number;
  lockoutMinutes: number;
  /** A district's own identity provider: tokens verified against this JWKS, mapped to accounts by `sub`. */
  oidc: { jwksUrl: string; issuer: string; audience: string | null } | null;
  limits: { depth: number; aliases: number; directives: number; tokens: number; cost: number };
  rateLimit: { perAccountPerMinute: number; perIpPerMinute: number };
  /** Login attempts per client address per minute (its own bucket: see identity/login-lockout.ts). */
  loginPerIpPerMinute: number;
  /**
   * Tests only: switch off the service-level scope checks so row-level security is the
   * only wall (proves the second wall holds alone). Refused in production.
   */
  unsafeServiceChecksOff: boolean;
  /** Benchmarks only: request transactions run as the owner, bypassing row-level security. Refused in production. */
  unsafeRlsOff: boolean;
  eventRetentionDays: number;
  /** How live events travel between gateways: memory (one process), postgres (LISTEN/NOTIFY), redis. */
  eventEngine: 'memory' | 'postgres' | 'redis';
  /** A dashboard snapshot is recomputed at most once per this interval per node. */
  dashboardIntervalMs: number;
  /** Every gateway reads missed events from the outbox at least this often (the safety net under the engine)… */
  eventPollMs: number;
  /** …for this long after the last event activity; an idle gateway sends no statement at all. */
  eventQuietAfterMs: number;
  /** Events a plugin handler takes per transaction (replay after a reconnection, bursts); 1: one transaction per event. */
  eventHandlerBatch: number;
  /** This gateway runs plugins' scheduled jobs on their schedules (each period still runs once across gateways). */
  jobs: boolean;
  /** Bearer token `/metrics` requires; null: open in development and test, not served in production. */
  metricsToken: string | null;
  /** Created as platform admin at start when no platform admin exists (first start of a production database). */
  initialAdmin: { username: string; password: string } | null;
  /** Origins a browser may call the graph from (`*`: any); credentials are never allowed. */
  corsOrigins: string[];
  /** Which proxies' `X-Forwarded-For` names the client (server/client-address.ts); null: the socket's peer. */
  trustProxy: string | null;
}

export const repoRoot = path.resolve(__dirname, '../../../..');

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads every variable, collecting one message per bad value instead of stopping at the first. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return def;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], def: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!values.includes(raw as T)) {
      problems.push(`${name}="${raw}" must be one of ${values.join(', ')}`);
      return def;
    }
    return raw as T;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name}="${raw}" must be true or false`);
      return def;
    }
    return raw === 'true' || raw === '1';
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (!raw) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      return raw;
    } catch {
      problems.push(`${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
      return null;
    }
  };

  const secret = (name: string, check: (v: string) => string | null): string | null => {
    const raw = env[name];
    if (!raw) return null;
    const problem = check(raw);
    if (problem) problems.push(`${name} ${problem}`);
    return problem ? null : raw;
  };

  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const mode = oneOf('GONGZHI_MODE', ['development', 'production', 'test'] as const, nodeEnv);
  const pluginsRaw = env.GONGZHI_PLUGINS;
  let plugins: string[] | null = null;
  if (pluginsRaw !== undefined && pluginsRaw.trim() !== '') {
    plugins = pluginsRaw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const p of plugins) {
      if (!/^[a-z][a-z0-9-]*$/.test(p)) problems.push(`GONGZHI_PLUGINS: "${p}" is not a plugin name`);
    }
  }
  const pageSizeDefault = int('GONGZHI_PAGE_SIZE_DEFAULT', 20, 1, 1000);
  const pageSizeMax = int('GONGZHI_PAGE_SIZE_MAX', 100, 1, 1000);
  if (pageSizeDefault > pageSizeMax) problems.push('GONGZHI_PAGE_SIZE_DEFAULT must not exceed GONGZHI_PAGE_SIZE_MAX');
  const proxyProblem = trustProxyProblem(env.GONGZHI_TRUST_PROXY?.trim() || null);
  if (proxyProblem) problems.push(proxyProblem);

  const config: Config = {
    mode,
    host: env.HOST || '0.0.0.0',
    port: int('PORT', 4000, 0, 65535),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    requestDatabaseUrl: url('GONGZHI_REQUEST_DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(env.GONGZHI_DATA_DIR || path.join(repoRoot, '.data')),
    dbPoolMax: int('GONGZHI_DB_POOL_MAX', 10, 1, 500),
    dbSystemPoolMax: int('GONGZHI_DB_SYSTEM_POOL_MAX', 5, 2, 500),
    plugins,
    pluginDirs: (env.GONGZHI_PLUGIN_DIRS || path.join(repoRoot, 'plugins')).split(path.delimiter).map((d) => path.resolve(d)),
    seedDemo: bool('GONGZHI_SEED_DEMO', mode !== 'production'),
    pageSizeDefault,
    pageSizeMax,
    bodyLimitBytes: int('GONGZHI_BODY_LIMIT_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
    shutdownTimeoutMs: int('GONGZHI_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    exposeSqlCount: bool('GONGZHI_EXPOSE_SQL_COUNT', mode !== 'production'),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    eventRetentionDays: int('GONGZHI_EVENT_RETENTION_DAYS', 7, 1, 3650),
    wsInitTimeoutMs: int('GONGZHI_WS_INIT_TIMEOUT_MS', 5000, 100, 60_000),
    identityCacheTtlMs: int('GONGZHI_IDENTITY_CACHE_TTL_MS', 2000, 0, 60_000),
    wsRecheckMs: int('GONGZHI_WS_RECHECK_MS', 2000, 100, 600_000),
    wsAdmission: {
      perSocket: int('GONGZHI_WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 100, 1, 100_000),
      perAccount: int('GONGZHI_WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT', 300, 1, 1_000_000),
      concurrentPerAccount: int('GONGZHI_WS_CONCURRENT_PER_ACCOUNT', 2, 1, 100),
    },
    jwtSecret: secret('GONGZHI_JWT_SECRET', (v) => (v.length >= 32 ? null : 'must be at least 32 characters')),
    dataKey: secret('GONGZHI_DATA_KEY', (v) => (Buffer.from(v, 'base64').length === 32 ? null : 'must be 32 bytes, base64-encoded')),
    accessTokenTtlSeconds: int('GONGZHI_ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: int('GONGZHI_REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    maxLoginFailures: int('GONGZHI_MAX_LOGIN_FAILURES', 5, 1, 100),
    lockoutMinutes: int('GONGZHI_LOCKOUT_MINUTES', 15, 1, 1440),
    loginPerIpPerMinute: int('GONGZHI_RATE_LIMIT_LOGIN_IP_PER_MINUTE', 60, 1, 1_000_000),
    oidc: env.GONGZHI_OIDC_JWKS_URL
      ? { jwksUrl: url('GONGZHI_OIDC_JWKS_URL', ['http:', 'https:']) ?? '', issuer: env.GONGZHI_OIDC_ISSUER ?? '', audience: env.GONGZHI_OIDC_AUDIENCE || null }
      : null,
    limits: {
      depth: int('GONGZHI_MAX_DEPTH', 12, 2, 100),
      aliases: int('GONGZHI_MAX_ALIASES', 30, 0, 1000),
      directives: int('GONGZHI_MAX_DIRECTIVES', 20, 0, 1000),
      tokens: int('GONGZHI_MAX_TOKENS', 5000, 100, 100_000),
      cost: int('GONGZHI_MAX_COST', 50_000, 10, 10_000_000),
    },
    unsafeServiceChecksOff: bool('GONGZHI_UNSAFE_SERVICE_CHECKS_OFF', false),
    unsafeRlsOff: bool('GONGZHI_UNSAFE_RLS_OFF', false),
    rateLimit: {
      // Sized in README (Rate limits): a dashboard page opening or reconnecting, several screens polling.
      perAccountPerMinute: int('GONGZHI_RATE_LIMIT_ACCOUNT_PER_MINUTE', 3000, 1, 1_000_000),
      perIpPerMinute: int('GONGZHI_RATE_LIMIT_IP_PER_MINUTE', 6000, 1, 1_000_000),
    },
    eventEngine: oneOf('GONGZHI_EVENT_ENGINE', ['memory', 'postgres', 'redis'] as const, env.REDIS_URL ? 'redis' : 'memory'),
    dashboardIntervalMs: int('GONGZHI_DASHBOARD_INTERVAL_MS', 1000, 50, 600_000),
    eventPollMs: int('GONGZHI_EVENT_POLL_MS', 1000, 50, 600_000),
    eventQuietAfterMs: int('GONGZHI_EVENT_QUIET_AFTER_MS', 30_000, 0, 86_400_000),
    eventHandlerBatch: int('GONGZHI_EVENT_HANDLER_BATCH', 500, 1, 5000),
    // Off in test mode: tests run periods themselves (gateway.jobs.runDue), never by the wall clock.
    jobs: oneOf('GONGZHI_JOBS', ['on', 'off'] as const, mode === 'test' ? 'off' : 'on') === 'on',
    initialAdmin: null,
    metricsToken: secret('GONGZHI_METRICS_TOKEN', (v) => (v.length >= 16 ? null : 'must be at least 16 characters')),
    corsOrigins: corsOrigins(env.GONGZHI_CORS_ORIGINS ?? (mode === 'development' ? '*' : ''), problems),
    trustProxy: env.GONGZHI_TRUST_PROXY?.trim() || null,
  };
  if (config.requestDatabaseUrl && !config.databaseUrl) problems.push('GONGZHI_REQUEST_DATABASE_URL needs DATABASE_URL (the embedded database makes its own request role)');
  if (config.eventEngine === 'redis' && !env.REDIS_URL) problems.push('GONGZHI_EVENT_ENGINE=redis needs REDIS_URL');
  if (config.unsafeServiceChecksOff && mode === 'production') problems.push('GONGZHI_UNSAFE_SERVICE_CHECKS_OFF cannot be used in production');
  if (config.unsafeRlsOff && mode === 'production') problems.push('GONGZHI_UNSAFE_RLS_OFF cannot be used in production');
  if (config.oidc && !config.oidc.issuer) problems.push('GONGZHI_OIDC_ISSUER is required with GONGZHI_OIDC_JWKS_URL');
  if (mode === 'production') {
    if (!config.jwtSecret) problems.push('GONGZHI_JWT_SECRET is required in production');
    if (!config.dataKey) problems.push('GONGZHI_DATA_KEY is required in production');
  }
  config.initialAdmin = initialAdmin(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return { ...config, ...overrides };
}

/** GONGZHI_INITIAL_ADMIN_USERNAME/_PASSWORD: both or neither, held to the account rules (the value is never echoed). */
function initialAdmin(env: Env, problems: string[]): Config['initialAdmin'] {
  const username = env.GONGZHI_INITIAL_ADMIN_USERNAME || '';
  const password = env.GONGZHI_INITIAL_ADMIN_PASSWORD || '';
  if (!username && !password) return null;
  if (!username || !password) {
    problems.push('GONGZHI_INITIAL_ADMIN_USERNAME and GONGZHI_INITIAL_ADMIN_PASSWORD must be set together');
    return null;
  }
  try {
    checkCredentials(username, password);
  } catch (e) {
    if (!(e instanceof BadUserInputError)) throw e;
    for (const p of e.extensions.fields as { field: string; message: string }[]) {
      problems.push(`GONGZHI_INITIAL_ADMIN_${p.field.toUpperCase()} ${p.message}`);
    }
    return null;
  }
  return { username, password };
}

/** GONGZHI_CORS_ORIGINS: comma-separated origins (`https://app.example.org`) or `*`. */
function corsOrigins(raw: string, problems: string[]): string[] {
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of list) {
    if (o === '*') continue;
    let origin = '';
    try {
      origin = new URL(o).origin;
    } catch {
      // reported below
    }
    if (origin !== o) problems.push(`GONGZHI_CORS_ORIGINS: "${o}" is not an origin (scheme://host[:port], no path) or *`);
  }
  return list;
}
