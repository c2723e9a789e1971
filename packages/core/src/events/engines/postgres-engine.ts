import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@gongzhi/plugin-sdk';
import type { Logger } from '../../util/logger';
import { backoffMs, maxSeqOf, type EngineSink, type EventEngine } from './event-engine';

export const PG_CHANNEL = 'gongzhi_events';
export const PG_LISTEN_APP = 'gongzhi-listen';

/**
 * PostgreSQL LISTEN/NOTIFY: no extra infrastructure. NOTIFY carries only the new highest
 * seq (never documents: payloads are small and NOTIFY takes a global lock at commit), sent
 * on its own after the sequencing transaction committed, never from a hot transaction.
 * Each gateway holds one LISTEN connection, reconnects with backoff when it drops, and
 * catches up from the outbox after every (re)connection.
 */
export class PostgresEngine implements EventEngine {
  readonly kind = 'postgres' as const;
  connected = false;
  private client: Client | null = null;
  private sink: EngineSink | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly orm: MikroORM,
    private readonly log: Logger,
  ) {}

  async start(sink: EngineSink): Promise<void> {
    this.sink = sink;
    this.stopped = false;
    await this.connect();
  }

  async announce(events: DomainEvent[]): Promise<void> {
    if (!events.length || this.stopped) return;
    try {
      await this.orm.em.fork().execute('select pg_notify(?, ?)', [PG_CHANNEL, maxSeqOf(events).toString()]);
    } catch (e) {
      this.log.warn('event NOTIFY failed (other gateways catch up by polling)', { error: String(e) });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    this.connected = false;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: PG_LISTEN_APP });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    client.on('notification', (m) => {
      if (m.channel === PG_CHANNEL && m.payload && /^\d{1,19}$/.test(m.payload)) this.sink?.remote(BigInt(m.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
    } catch (e) {
      this.lost(client, e);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.connected = true;
    if (this.attempt > 0) this.log.info('event LISTEN connection restored', { attempts: this.attempt });
    this.attempt = 0;
    this.sink?.resync();
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client && client !== this.client) return;
    const wasConnected = this.client === client;
    this.client = null;
    this.connected = false;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped || this.timer) return;
    if (wasConnected || this.attempt === 0) this.log.warn('event LISTEN connection lost; reconnecting (polling meanwhile)', { error: String(error ?? 'ended') });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, backoffMs(this.attempt++));
    this.timer.unref();
  }
}
