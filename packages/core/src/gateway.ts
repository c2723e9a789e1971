import http from 'node:http';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Clock, GongzhiPlugin } from '@gongzhi/plugin-sdk';
import type { Config } from './config/config';
import { createLogger, type Logger } from './util/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { clientAddressOf, type ClientAddress } from './server/client-address';
import { createOrm, sqlCounter } from './db/orm';
import { runMigrations, type MigrationPackage } from './db/migrate';
import { runStepOnce, schemaShape, withSetupLock } from './db/setup-lock';
import { assertRequestRole, ensureRequestRole } from './db/request-role';
import { TenantScope } from './security/tenant-scope';
import { coreEntities } from './entities';
import { coreMigrations } from './migrations';
import { discoverPlugins, resolvePlugins } from './plugins/plugin-host';
import { ProgramChanged, ProgramService } from './services/program.service';
import { SettingsService } from './services/settings.service';
import { NodeRegistry } from './graphql/node-registry';
import { coreNodes } from './graphql/core-nodes';
import { buildGatewaySchema } from './graphql/build-schema';
import { applyPaging } from './graphql/paging';
import type { CoreContext, CoreServices } from './graphql/core-context';
import { createContextFactory, handlerServices, refork } from './server/context';
import { errorFormatter } from './server/errors';
import { databaseTrouble, serviceUnavailable } from './server/database-errors';
import { requestLifecycle } from './server/request-lifecycle';
import { graphiqlRouter } from './server/graphiql';
import { dashboardRouter } from './server/dashboard';
import { healthRouter } from './server/health';
import { pluginRoutes } from './server/plugin-routes';
import { corsMiddleware } from './server/cors';
import { attachWebSocket } from './server/ws';
import { closeSocket } from './server/ws-close';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { metricsRouter } from './metrics/metrics-route';
import { LiveEvents } from './events/live-events';
import { seedDemo } from './seed/demo-seed';
import { RoleRegistry } from './identity/roles';
import { TokenService } from './identity/tokens';
import { Authenticator, type Caller } from './identity/authenticator';
import { IdentityService } from './identity/identity.service';
import { IdentityCache } from './identity/identity-cache';
import { AuditWriter } from './security/audit';
import { createFirstAdmin } from './identity/first-admin';
import { resolveSecrets } from './security/secrets';
import { FieldCrypto } from '@gongzhi/plugin-sdk/host';
import { applyTenantSecurity, tenantPolicy } from './security/tenant-security';
import { applyAccessRules } from './security/access-guard';
import { fieldPrograms } from './security/field-programs';
import { limitRules } from './security/limits';
import { CostLimit } from './security/cost-limit';
import { TreeSizes } from './security/tree-sizes';
import { noUnstorableText } from './security/input-text';
import { FallbackRateLimiter, MemoryRateLimiter, RedisRateLimiter, rateLimited, type RateLimiter } from './security/rate-limit';
import Redis from 'ioredis';
import { CORE_VERSION } from './version';
import { HostJobs } from './jobs/host-jobs';

export interface GatewayOptions {
  config: Config;
  /** Plugins to consider instead of discovering installed ones (tests). */
  plugins?: GongzhiPlugin[];
  logger?: Logger;
  /** Where this gateway's "now" comes from (tests set one); the system clock by default. */
  clock?: Clock;
}

/** The whole gateway: database, plugins, schema, HTTP + WebSocket server, events. */
export class Gateway {
  readonly log: Logger;
  /** The system connection (DATABASE_URL, the owner): migrations, set-up, sequencer, relay, handlers, identity, seed. */
  orm!: MikroORM;
  /** The request path's connection, as its own login role (db/request-role.ts); the system ORM with GONGZHI_UNSAFE_RLS_OFF. */
  requestOrm!: MikroORM;
  /** Signs the tenant setting of request transactions. */
  tenantScope!: TenantScope;
  schema!: GraphQLSchema;
  plugins: GongzhiPlugin[] = [];
  /** Assembled once, complete, when the gateway starts. */
  services!: Readonly<CoreServices>;
  private nodes: NodeRegistry | null = null;
  events!: LiveEvents;
  /** Plugins' scheduled jobs. */
  jobs!: HostJobs;
  readonly clock: Clock;
  httpServer!: http.Server;
  url = '';
  createContext!: ReturnType<typeof createContextFactory>;
  rateLimiter: RateLimiter = new MemoryRateLimiter();
  private embedded: EmbeddedDatabase | null = null;
  private apollo: ApolloServer<CoreContext> | null = null;
  private ws: ReturnType<typeof attachWebSocket> | null = null;
  /** This gateway's own Prometheus registry (created when it listens). */
  metrics: GatewayMetrics | null = null;
  private stopping: Promise<void> | null = null;
  private migrationPackages: MigrationPackage[] = [];
  private databaseUrl = '';
  /** The request role's URL, known once the set-up ran. */
  private requestUrl = '';
  /** This gateway's column encryption (its data key); none for migrate-only runs. */
  private fieldCrypto: FieldCrypto | null = null;
  readonly timings: Record<string, number> = {};
  readonly identityCache: IdentityCache;
  /** Who a request comes from (HTTP and WebSocket alike), through the proxies GONGZHI_TRUST_PROXY trusts. */
  readonly clientAddress: ClientAddress;

  constructor(private readonly opts: GatewayOptions) {
    this.log = opts.logger ?? createLogger(opts.config.logLevel);
    this.identityCache = new IdentityCache(opts.config.identityCacheTtlMs);
    this.clientAddress = clientAddressOf(opts.config.trustProxy);
    this.clock = opts.clock ?? { now: () => new Date() };
  }

  get config(): Config {
    return this.opts.config;
  }

  /** Resolves plugins and builds the schema without touching a database. */
  async prepareSchema(): Promise<GraphQLSchema> {
    const installed = this.opts.plugins ?? discoverPlugins(this.config.pluginDirs);
    this.plugins = resolvePlugins(installed, this.opts.plugins ? null : this.config.plugins, CORE_VERSION);
    const nodes = new NodeRegistry();
    nodes.register(coreNodes, null);
    for (const p of this.plugins) nodes.register(p.nodes ?? [], p.name);
    this.nodes = nodes;
    this.schema = await buildGatewaySchema(this.plugins, nodes);
    applyPaging(this.schema, { defaultSize: this.config.pageSizeDefault, maxSize: this.config.pageSizeMax });
    applyAccessRules(this.schema, fieldPrograms(this.plugins));
    return this.schema;
  }

  /** Database, ORM, then every package's pending migrations and the security set-up (under the set-up lock). */
  async migrate(): Promise<Record<string, string[]>> {
    await this.openDatabase();
    return withSetupLock(this.orm, () => this.applySetup());
  }

  /** The database (embedded when no DATABASE_URL) and the ORM; touches no table. */
  private async openDatabase(): Promise<void> {
    const t0 = Date.now();
    if (!this.schema) await this.prepareSchema();
    let url = this.config.databaseUrl;
    if (!url) {
      this.embedded = await startEmbeddedPostgres(this.config.dataDir, this.log);
      url = this.embedded.url;
    }
    this.timings.databaseMs = Date.now() - t0;
    this.databaseUrl = url;
    this.orm = await this.createOrm(url, this.config.dbSystemPoolMax);
    this.migrationPackages = [{ name: 'core', migrations: coreMigrations }, ...this.plugins.map((p) => ({ name: p.name, migrations: p.migrations ?? [] }))];
  }

  private async createOrm(url: string, poolMax: number): Promise<MikroORM> {
    const orm = await createOrm(url, [...coreEntities, ...this.plugins.flatMap((p) => p.entities ?? [])], poolMax, this.log);
    this.fieldCrypto?.install(orm);
    return orm;
  }

  /**
   * The request path's own ORM, as the request role, checked from its own connection before
   * any request runs. The system ORM itself only for benchmarks with row-level security off.
   */
  private async openRequestDatabase(): Promise<void> {
    if (this.config.unsafeRlsOff) {
      this.requestOrm = this.orm;
      return;
    }
    this.requestOrm = await this.createOrm(this.requestUrl, this.config.dbPoolMax);
    const [{ role }] = await this.orm.em.fork().execute<{ role: string }[]>('select current_user as role');
    await assertRequestRole(this.requestOrm, role);
  }

  /** Migrations in dependency order, then the security set-up unless its inputs are unchanged, then the request role. Call under the set-up lock. */
  private async applySetup(): Promise<Record<string, string[]>> {
    const applied = await runMigrations(this.orm, this.migrationPackages);
    if (Object.values(applied).flat().length) this.log.info('migrations applied', applied);
    // Re-applying would take an exclusive lock on every table (policies) while other gateways serve.
    const inputs = { setup: applyTenantSecurity.toString(), policy: tenantPolicy('district_id'), tables: await schemaShape(this.orm) };
    if (await runStepOnce(this.orm, 'tenant-security', inputs, () => applyTenantSecurity(this.orm))) this.log.info('security set-up applied');
    this.requestUrl = await ensureRequestRole(this.orm, this.databaseUrl, this.config.requestDatabaseUrl);
    return applied;
  }

  async start(): Promise<this> {
    const t0 = Date.now();
    await this.prepareSchema();
    const secrets = resolveSecrets(this.config, this.log);
    this.fieldCrypto = new FieldCrypto(secrets.dataKey);
    await this.openDatabase();
    const programs = new ProgramService(this.plugins);
    const settings = new SettingsService(this.plugins);
    const tokens = new TokenService(secrets.jwtSecret, this.config);
    const audit = new AuditWriter(this.orm, this.log);
    // Gateways starting together take turns: the first migrates and seeds, the others find it done.
    await withSetupLock(this.orm, async () => {
      await this.applySetup();
      await programs.reload(this.orm.em);
      if (this.config.seedDemo) await seedDemo(this.orm, this.plugins, { programs, clock: this.clock }, this.log);
      if (this.config.initialAdmin) await this.createInitialAdmin(this.config.initialAdmin, audit);
    });
    this.tenantScope = await TenantScope.load(this.orm);
    await this.openRequestDatabase();
    if (this.config.redisUrl) await this.useRedisRateLimits(this.config.redisUrl);

    this.events = new LiveEvents({ system: this.orm, request: this.requestOrm }, this.tenantScope, this.config, this.plugins, handlerServices({ programs, settings, clock: this.clock }), (p, d) => programs.isEnabled(p, d), this.log, this.clock);
    const roles = new RoleRegistry(this.plugins);
    this.services = Object.freeze({
      programs, settings, roles, audit, tokens,
      tenantScope: this.tenantScope,
      nodes: this.nodes!,
      coreVersion: CORE_VERSION,
      config: this.config,
      authenticator: new Authenticator(this.orm, tokens, this.identityCache),
      identity: new IdentityService(this.orm, tokens, roles, audit, this.config, this.identityCache, this.rateLimiter),
      dashboards: this.events.dashboards,
      clock: this.clock,
    });
    this.jobs = new HostJobs(this.plugins, {
      orm: this.orm, services: handlerServices(this.services), log: this.log,
      districtsRunning: (p) => programs.districtsRunning(p), gatewayId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    });
    this.createContext = createContextFactory(this.requestOrm, this.services, this.events.streamer);
    // A gateway changed which programs a district runs: refresh the cache (the outbox relay delivers
    // every event without gaps, so no periodic reload is needed and an idle gateway stays idle).
    this.events.bus.on((events) => {
      if (events.some((e) => e.name === ProgramChanged.name)) {
        this.services.programs.reload(this.orm.em).catch((e) => this.log.error('program cache reload failed', { error: String(e) }));
      }
    });

    await this.listen();
    await this.events.start();
    if (this.config.jobs) this.jobs.start();
    this.timings.readyMs = Date.now() - t0;
    this.log.info('gateway ready', { url: this.url, plugins: this.plugins.map((p) => `${p.name}@${p.version}`), ms: this.timings.readyMs });
    return this;
  }

  /** GONGZHI_INITIAL_ADMIN_*: the first platform admin of a fresh database; ignored once one exists. */
  private async createInitialAdmin(admin: NonNullable<Config['initialAdmin']>, audit: AuditWriter): Promise<void> {
    const result = await createFirstAdmin(this.orm, audit, admin, 'environment');
    if (result.created) this.log.info('initial platform admin created', { accountId: result.accountId });
    else if (result.reason !== 'admin-exists') throw new Error(`GONGZHI_INITIAL_ADMIN_USERNAME: ${result.message}`);
  }

  private async listen(): Promise<void> {
    const app = express();
    app.disable('x-powered-by');
    this.httpServer = http.createServer(app);
    const production = this.config.mode === 'production';
    const rules = [...limitRules(this.config.limits), noUnstorableText];
    const costLimit = new CostLimit(this.schema, { defaultPageSize: this.config.pageSizeDefault, maxPageSize: this.config.pageSizeMax, max: this.config.limits.cost }, new TreeSizes(() => this.requestOrm, () => this.tenantScope));
    this.metrics = this.createMetrics();
    this.ws = attachWebSocket({
      server: this.httpServer, schema: this.schema, log: this.log, metrics: this.metrics, initTimeoutMs: this.config.wsInitTimeoutMs,
      admission: this.config.wsAdmission,
      rules, maxTokens: this.config.limits.tokens, hideSchema: production,
      recheckMs: this.config.wsRecheckMs,
      onIdentityChange: (listener) => this.identityCache.onInvalidate(listener),
      authenticate: (header) => this.services.authenticator.authenticate(header),
      clientAddress: this.clientAddress,
      context: (caller, ip) => this.createContext({ caller, ip }),
      refork: (ctx) => refork(ctx, this.requestOrm),
      beforeOperation: (ctx) => this.admit(ctx),
      cost: (ctx, op) => costLimit.check(ctx.auth.districts, op),
      audit: (entries) => this.services.audit.write(entries),
    });

    const requestPlugin = requestLifecycle({
      log: this.log,
      metrics: this.metrics,
      exposeSqlCount: this.config.exposeSqlCount,
      rlsOff: this.config.unsafeRlsOff,
      admit: (ctx) => this.admit(ctx),
      cost: (ctx, op) => costLimit.check(ctx.auth.districts, op),
      audit: (entries) => this.services.audit.write(entries),
    });
    this.apollo = new ApolloServer<CoreContext>({
      schema: this.schema,
      introspection: !production,
      hideSchemaDetailsFromClientErrors: production,
      csrfPrevention: true,
      // Apollo's default re-raises SIGTERM after its own stop, killing the process (143) before
      // the relay, ORM and embedded database are closed: main.ts owns the signals.
      stopOnTerminationSignals: false,
      allowBatchedHttpRequests: false,
      validationRules: rules,
      parseOptions: { maxTokens: this.config.limits.tokens },
      includeStacktraceInErrorResponses: false,
      formatError: errorFormatter(this.log),
      plugins: [
        // In-flight requests get half the shutdown budget; the rest is for the relay, ORM and database.
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer, stopGracePeriodMillis: this.config.shutdownTimeoutMs / 2 }),
        requestPlugin,
      ],
    });
    await this.apollo.start();

    app.use(metricsRouter(this.metrics, this.config.metricsToken, production));
    app.use(healthRouter(() => this.orm, () => this.requestOrm, () => this.migrationPackages, () => this.stopping !== null));
    app.use(graphiqlRouter({ endpoint: '/graphql' }));
    app.use(dashboardRouter({ endpoint: '/graphql' }));
    app.use(pluginRoutes({
      plugins: this.plugins, log: this.log, exposeSqlCount: this.config.exposeSqlCount, rlsOff: this.config.unsafeRlsOff,
      authenticate: (header) => this.services.authenticator.authenticate(header),
      createContext: (input) => this.createContext(input),
      admit: (ctx) => this.admit(ctx),
      audit: (entries) => this.services.audit.write(entries),
    }));
    app.get('/', (_req, res) => res.redirect('/graphiql'));
    app.use(
      '/graphql',
      corsMiddleware(this.config.corsOrigins),
      (_req, _res, next) => sqlCounter.run({ count: 0 }, next), // for the request log (and x-sql-statements)
      express.json({ limit: this.config.bodyLimitBytes }),
      expressMiddleware(this.apollo, {
        context: async ({ req, res }) => {
          const requestId = (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID());
          res.setHeader('x-request-id', requestId);
          const caller: Caller | null = await this.services.authenticator.authenticate(req.headers.authorization).catch((e) => {
            throw databaseTrouble(e) === 'unavailable' ? serviceUnavailable(requestId) : e;
          });
          return this.createContext({ caller, requestId, ip: this.clientAddress(req) });
        },
      }),
    );
    app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (err?.type === 'entity.too.large') {
        res.status(413).json({ errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        return;
      }
      if (err?.status && err.status < 500) {
        res.status(err.status).json({ errors: [{ message: 'Malformed request', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      next(err);
    });

    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(this.config.port, this.config.host, () => resolve());
    });
    const addr = this.httpServer.address() as import('node:net').AddressInfo;
    const host = this.config.host === '0.0.0.0' || this.config.host === '::' ? '127.0.0.1' : this.config.host;
    this.url = `http://${host}:${addr.port}`;
  }

  /** Read at each scrape; the outbox lag is one statement. */
  private createMetrics(): GatewayMetrics {
    return new GatewayMetrics({
      pool: () => {
        const pool = this.requestOrm.em.getConnection().getKnex().client.pool; // the request role's pool
        return { used: pool?.numUsed() ?? 0, free: pool?.numFree() ?? 0, pending: pool?.numPendingAcquires() ?? 0, max: this.config.dbPoolMax };
      },
      websockets: () => this.ws?.wss.clients.size ?? 0,
      subscriptions: () => this.ws?.subscriptions() ?? 0,
      outboxLag: async () => {
        const [row] = await this.orm.em.fork().execute<{ s: string }[]>('select coalesce(max(seq), 0)::text as s from outbox_event');
        const lag = BigInt(row.s) - (this.events?.bus.lastSeq ?? 0n);
        return Number(lag > 0n ? lag : 0n);
      },
      dashboardComputations: () => this.events?.dashboards.computations ?? 0,
      handlerFailures: () => this.events?.dispatcher.failures ?? new Map(),
      jobRuns: () => this.jobs?.runner.counts ?? new Map(),
    });
  }

  private redis: Redis | null = null;

  /** Limits shared by every gateway through Redis; falls back to in-process counts while Redis is away. */
  private async useRedisRateLimits(url: string): Promise<void> {
    this.redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // reconnects on its own; hits fall back meanwhile
    await this.redis.connect().catch((e) => this.log.warn('Redis unavailable for rate limits; using in-process counts', { error: String(e) }));
    let warned = 0;
    this.rateLimiter = new FallbackRateLimiter(new RedisRateLimiter(this.redis), new MemoryRateLimiter(), (e) => {
      if (Date.now() - warned > 60_000) this.log.warn('rate limits fell back to in-process counts', { error: String(e) });
      warned = Date.now();
    });
  }

  /** Per-account and per-IP rate limits, checked once per operation. */
  async admit(ctx: CoreContext): Promise<void> {
    const { perAccountPerMinute, perIpPerMinute } = this.config.rateLimit;
    const okIp = !ctx.ip || (await this.rateLimiter.hit(`ip:${ctx.ip}`, perIpPerMinute));
    const okAccount = !ctx.actor || (await this.rateLimiter.hit(`account:${ctx.actor.accountId}`, perAccountPerMinute));
    if (!okIp || !okAccount) throw rateLimited();
  }

  /**
   * Stop accepting, answer in-flight requests, close sockets with 1001, stop the relay, close
   * the ORM and the embedded database. Each step runs even when an earlier one failed (the
   * embedded server must never be orphaned); the first failure is rethrown at the end.
   */
  stop(reason = 'shutdown'): Promise<void> {
    this.stopping ??= (async () => {
      this.log.info('gateway stopping', { reason });
      let failure: unknown = null;
      const step = async (name: string, fn: () => unknown) => {
        try {
          await fn();
        } catch (e) {
          failure ??= e;
          this.log.error('shutdown step failed', { step: name, error: String(e) });
        }
      };
      await step('websockets', async () => {
        if (!this.ws) return;
        for (const client of this.ws.wss.clients) closeSocket(client, 'goingAway');
        await this.ws.dispose();
      });
      await step('http', () => this.apollo?.stop());
      await step('jobs', () => this.jobs?.stop());
      await step('events', () => this.events?.stop());
      this.redis?.disconnect();
      await step('orm', async () => {
        if (this.requestOrm && this.requestOrm !== this.orm) await this.requestOrm.close();
        await this.orm?.close();
      });
      await step('database', () => this.embedded?.stop());
      if (failure) throw failure;
      this.log.info('gateway stopped');
    })();
    return this.stopping;
  }
}
