import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AccountEntity, Gateway, RefreshTokenEntity, RoleGrantEntity, createLogger, loadConfig, type Config } from '@gongzhi/core';
import { toGlobalId, type GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { Pool } from 'pg';
import { createScratchDatabase } from './database';
import { SeedBuilders } from './seed-builders';
import { TestClock } from './test-clock';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  /** SQL statements the request ran (from `x-sql-statements`). */
  sqlCount: number;
  status: number;
}

export interface TestGatewayOptions {
  plugins?: GongzhiPlugin[];
  config?: Partial<Config>;
  /** Where the gateway logs (tests that read the log lines). */
  logger?: import('@gongzhi/core').Logger;
  /** This gateway's clock (default: a new TestClock, as `gw.clock`). */
  clock?: TestClock;
}

/** A real gateway on a random port over its own fresh PostgreSQL database. */
export class TestGateway {
  readonly seed: SeedBuilders;
  private clients: Client[] = [];

  private readonly pool: Pool;
  /** Access token of a platform admin: what `request` sends unless told otherwise. */
  adminToken = '';

  constructor(readonly gateway: Gateway, readonly databaseUrl: string, private readonly dropDb: () => Promise<void>, readonly clock: TestClock) {
    this.seed = new SeedBuilders(() => this.orm);
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
  }

  /** Global id of a row (shorthand for the SDK's toGlobalId). */
  gid(typename: string, id: string): string {
    return toGlobalId(typename, id);
  }

  get url(): string {
    return `${this.gateway.url}/graphql`;
  }

  get wsUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  get orm(): MikroORM {
    return this.gateway.orm;
  }

  em(): EntityManager {
    return this.orm.em.fork();
  }

  /** The signed value of `gongzhi.districts` that row-level security accepts for `districts` (as a request transaction sets it). */
  tenantSetting(districts: '*' | string[]): string {
    return this.gateway.tenantScope.setting(districts);
  }

  /** Raw SQL on the test database, `$1` placeholders, outside the gateway's pool. */
  async sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }

  /**
   * POSTs a GraphQL operation, as the platform admin unless `token` says otherwise
   * (`null`: anonymous).
   */
  async request<T = any>(query: string, variables?: Record<string, unknown>, opts: { headers?: Record<string, string>; token?: string | null } = {}): Promise<GraphQLResponse<T>> {
    const token = opts.token === undefined ? this.adminToken : opts.token;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, sqlCount: Number(res.headers.get('x-sql-statements') ?? NaN), status: res.status };
  }

  /** A graphql-ws client (as the platform admin unless `connectionParams` say otherwise); closed with the gateway. */
  wsClient(connectionParams: Record<string, unknown> = { authorization: `Bearer ${this.adminToken}` }): Client {
    const client = createClient({ url: this.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    this.clients.push(client);
    return client;
  }

  /** Subscribes and returns an async iterator of results. */
  subscribe<T = any>(query: string, variables?: Record<string, unknown>, client = this.wsClient()): AsyncIterableIterator<GraphQLResponse<T>> {
    return client.iterate({ query, variables }) as unknown as AsyncIterableIterator<GraphQLResponse<T>>;
  }

  /**
   * An account holding `role` at a node (`scopeId`: the street, community, grid or
   * organisation uuid; the district for DISTRICT level) and an access token for it.
   */
  async account(opts: { role: string; level: 'PLATFORM' | 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID' | 'ORGANIZATION'; districtId?: string | null; scopeId?: string | null; username?: string; residentId?: string | null }): Promise<{ id: string; token: string; sessionId: string }> {
    const em = this.orm.em.fork();
    const account = em.create(AccountEntity, { username: opts.username ?? `t-${Math.random().toString(36).slice(2, 10)}`, displayName: `${opts.role} 测试`, residentId: opts.residentId ?? null });
    em.create(RoleGrantEntity, {
      accountId: account.id, role: opts.role, scopeLevel: opts.level,
      districtId: opts.level === 'PLATFORM' ? null : opts.districtId ?? opts.scopeId ?? null,
      scopeId: opts.level === 'PLATFORM' || opts.level === 'DISTRICT' ? null : opts.scopeId ?? null,
    });
    // Every access token names a live session: a refresh-token family of the account.
    const sessionId = randomUUID();
    em.create(RefreshTokenEntity, { id: randomUUID(), accountId: account.id, familyId: sessionId, tokenHash: `test-${sessionId}`, expiresAt: new Date(Date.now() + 86_400_000) });
    await em.flush();
    const { token } = await this.gateway.services.tokens.issueAccess(account.id, sessionId);
    return { id: account.id, token, sessionId };
  }

  async enableProgram(districtId: string, program: string): Promise<void> {
    await this.setProgram(districtId, program, true);
  }

  async disableProgram(districtId: string, program: string): Promise<void> {
    await this.setProgram(districtId, program, false);
  }

  private async setProgram(districtId: string, program: string, enabled: boolean) {
    const res = await this.request(
      `mutation($d: ID!, $p: String!, $e: Boolean!) { setProgramEnabled(districtId: $d, program: $p, enabled: $e) { enabled } }`,
      { d: toGlobalId('District', districtId), p: program, e: enabled },
    );
    if (res.errors) throw new Error(`setProgramEnabled failed: ${JSON.stringify(res.errors)}`);
  }

  /** Waits until committed events are sequenced and every subscriber handler has run. */
  async settleEvents(): Promise<void> {
    await this.gateway.events.sequencer.flush();
    await this.gateway.events.dispatcher.idle();
  }

  /** Runs every plugin job's period at `at` (once across gateways, as the scheduled runs are); each job's outcome. */
  runJobs(at: Date = this.clock.now()) {
    return this.gateway.jobs.runDue(at);
  }

  async close(): Promise<void> {
    for (const c of this.clients) await c.dispose();
    await this.pool.end();
    await this.gateway.stop('test done');
    await this.dropDb();
  }
}

export async function createTestGateway(opts: TestGatewayOptions = {}): Promise<TestGateway> {
  const db = await createScratchDatabase();
  // A long identity-cache bound keeps SQL counts per request deterministic (changes made
  // through this gateway apply at once anyway; cross-gateway tests set their own).
  const config = loadConfig(
    { GONGZHI_MODE: 'test' },
    { databaseUrl: db.url, port: 0, host: '127.0.0.1', seedDemo: false, exposeSqlCount: true, dbPoolMax: 20, logLevel: 'error', identityCacheTtlMs: 60_000, ...opts.config },
  );
  const clock = opts.clock ?? new TestClock();
  const gateway = new Gateway({ config, plugins: opts.plugins ?? [], logger: opts.logger ?? createLogger(config.logLevel), clock });
  try {
    await gateway.start();
  } catch (e) {
    await gateway.stop('start failed').catch(() => undefined);
    await db.drop();
    throw e;
  }
  const gw = new TestGateway(gateway, db.url, db.drop, clock);
  gw.adminToken = (await gw.account({ role: 'PLATFORM_ADMIN', level: 'PLATFORM', username: 'test-admin' })).token;
  await gateway.services.authenticator.authenticate(`Bearer ${gw.adminToken}`); // cached: SQL counts of tests start warm
  return gw;
}
