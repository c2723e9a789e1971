import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../util/logger';
import type { EventBus } from './event-bus';
import { toDomainEvent, type OutboxRow } from './event-row';

const LOCK_KEY = 7_042_001; // pg advisory lock: one sequencer at a time across gateways

/**
 * Gives committed outbox rows their `seq` in the order they became visible, then
 * publishes them. Rolled-back rows are never visible, so never published. Only one
 * sequencer runs at a time (advisory lock), so `seq` is gap-free and monotonic.
 */
export class Sequencer {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.poke();
      this.timer = setTimeout(tick, this.pollMs);
      this.timer.unref();
    };
    tick();
  }

  /** Runs soon; coalesces many pokes into one pass. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e) => this.log.error('event sequencer failed', { error: String(e) }))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Waits for the pass in flight, then runs one more (used on shutdown and in tests). */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await this.running;
    await this.drain().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const n = await this.sequenceBatch();
      if (n < 500) return;
    }
  }

  private async sequenceBatch(): Promise<number> {
    const em = this.orm.em.fork();
    const rows = await em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
      if (!lock.ok) return [] as OutboxRow[];
      return tx.execute<OutboxRow[]>(`
        with batch as (
          select id, row_number() over (order by id) as n
          from outbox_event where seq is null order by id limit 500
        ), base as (select coalesce(max(seq), 0) as s from outbox_event)
        update outbox_event o set seq = base.s + batch.n
        from batch, base where o.id = batch.id
        returning o.seq::text as seq, o.name, o.program, o.district_id, o.street_id, o.community_id, o.payload, o.occurred_at`);
    });
    if (rows.length) {
      rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      this.bus.publish(rows.map(toDomainEvent));
    }
    return rows.length;
  }
}
