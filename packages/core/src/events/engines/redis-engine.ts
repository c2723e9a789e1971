import Redis from 'ioredis';
import type { DomainEvent } from '@gongzhi/plugin-sdk';
import type { Logger } from '../../util/logger';
import { backoffMs, maxSeqOf, type EngineSink, type EventEngine } from './event-engine';

/** Events are sent along when the message stays small; otherwise gateways read the outbox. */
const MAX_MESSAGE_BYTES = 256 * 1024;

interface Message {
  s: string;
  e?: (Omit<DomainEvent, 'occurredAt'> & { occurredAt: string })[];
}

/**
 * Redis pub/sub (ioredis 5): one publishing and one subscribing client, both created with
 * `lazyConnect` and connected before use (subscribing before the client is ready loses
 * messages). Messages carry the new highest seq and, when small, the events themselves;
 * the bus takes them only when they continue its own seq without a gap, else the relay
 * reads the outbox. ioredis reconnects forever; every (re)subscription triggers a catch-up.
 */
export class RedisEngine implements EventEngine {
  readonly kind = 'redis' as const;
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private sink: EngineSink | null = null;
  private stopped = false;
  private subscribed = false;
  private down = false;

  constructor(
    private readonly url: string,
    /** One channel per database, so deployments (and test databases) sharing a Redis never mix. */
    private readonly channel: string,
    private readonly log: Logger,
  ) {}

  get connected(): boolean {
    return this.subscribed && this.pub?.status === 'ready';
  }

  async start(sink: EngineSink): Promise<void> {
    this.sink = sink;
    this.stopped = false;
    const options = { lazyConnect: true, retryStrategy: (n: number) => backoffMs(n), connectTimeout: 5000 };
    // Announcements are only hints: fail fast while disconnected instead of queueing stale ones.
    this.pub = new Redis(this.url, { ...options, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.sub = new Redis(this.url, { ...options, autoResubscribe: false, maxRetriesPerRequest: null });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (e: Error) => this.outage(e));
    }
    this.sub.on('close', () => {
      this.subscribed = false;
    });
    this.sub.on('ready', () => void this.subscribe());
    this.sub.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
    const connected = await Promise.allSettled([this.pub.connect(), this.sub.connect()]);
    const failed = connected.find((r) => r.status === 'rejected');
    if (failed) this.outage((failed as PromiseRejectedResult).reason);
  }

  async announce(events: DomainEvent[]): Promise<void> {
    if (!events.length || this.stopped || this.pub?.status !== 'ready') return;
    const s = maxSeqOf(events).toString();
    let raw = JSON.stringify({ s, e: events }); // occurredAt becomes an ISO string: revived in receive()
    if (Buffer.byteLength(raw) > MAX_MESSAGE_BYTES) raw = JSON.stringify({ s } satisfies Message);
    try {
      await this.pub.publish(this.channel, raw);
    } catch (e) {
      this.outage(e);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscribed = false;
    await Promise.allSettled([this.pub, this.sub].map((c) => c?.quit().catch(() => c.disconnect())));
    this.pub = this.sub = null;
  }

  private async subscribe(): Promise<void> {
    if (this.stopped || !this.sub) return;
    try {
      await this.sub.subscribe(this.channel);
    } catch (e) {
      this.outage(e);
      return;
    }
    this.subscribed = true;
    if (this.down) this.log.info('event Redis connection restored', { channel: this.channel });
    this.down = false;
    this.sink?.resync();
  }

  private receive(raw: string): void {
    let msg: Message;
    try {
      msg = JSON.parse(raw) as Message;
      if (!/^\d{1,19}$/.test(msg.s)) return;
    } catch {
      return;
    }
    const events = msg.e?.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) }));
    this.sink?.remote(BigInt(msg.s), events);
  }

  private outage(error: unknown): void {
    if (this.stopped || this.down) return;
    this.down = true;
    this.log.warn('event Redis connection lost; reconnecting (polling meanwhile)', { error: String(error) });
  }
}
