import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Gateway, createLogger, loadConfig, type Config } from '@gongzhi/core';
import { toGlobalId, type GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { Pool } from 'pg';
import { createScratchDatabase } from './database';
import { SeedBuilders } from './seed-builders';

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
}

/** A real gateway on a random port over its own fresh PostgreSQL database. */
export class TestGateway {
  readonly seed: SeedBuilders;
  private clients: Client[] = [];

  private readonly pool: Pool;

  constructor(readonly gateway: Gateway, readonly databaseUrl: string, private readonly dropDb: () => Promise<void>) {
    this.seed = new SeedBuilders(() => this.orm);
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
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

  /** Raw SQL on the test database, `$1` placeholders, outside the gateway's pool. */
  async sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }

  async request<T = any>(query: string, variables?: Record<string, unknown>, opts: { headers?: Record<string, string> } = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, sqlCount: Number(res.headers.get('x-sql-statements') ?? NaN), status: res.status };
  }

  /** A graphql-ws client; closed with the gateway. */
  wsClient(connectionParams?: Record<string, unknown>): Client {
    const client = createClient({ url: this.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    this.clients.push(client);
    return client;
  }

  /** Subscribes and returns an async iterator of results. */
  subscribe<T = any>(query: string, variables?: Record<string, unknown>, client = this.wsClient()): AsyncIterableIterator<GraphQLResponse<T>> {
    return client.iterate({ query, variables }) as unknown as AsyncIterableIterator<GraphQLResponse<T>>;
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

  async close(): Promise<void> {
    for (const c of this.clients) await c.dispose();
    await this.pool.end();
    await this.gateway.stop('test done');
    await this.dropDb();
  }
}

export async function createTestGateway(opts: TestGatewayOptions = {}): Promise<TestGateway> {
  const db = await createScratchDatabase();
  const config = loadConfig(
    { GONGZHI_MODE: 'test' },
    { databaseUrl: db.url, port: 0, host: '127.0.0.1', seedDemo: false, exposeSqlCount: true, dbPoolMax: 20, logLevel: 'error', ...opts.config },
  );
  const gateway = new Gateway({ config, plugins: opts.plugins ?? [], logger: createLogger(config.logLevel) });
  try {
    await gateway.start();
  } catch (e) {
    await gateway.stop('start failed').catch(() => undefined);
    await db.drop();
    throw e;
  }
  return new TestGateway(gateway, db.url, db.drop);
}
