import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import type { EventListener } from './event-bus';
import { toDomainEvent, type OutboxRow } from './event-row';
import { SerialTask, type SerialTaskOptions } from './serial-task';

const LOCK_KEY = 7_042_001; // pg advisory lock: one sequencer at a time across gateways
const LOCKED_RETRY_MS = 20;

/**
 * Gives committed outbox rows their `seq` in the order they became visible, then hands
 * them to its listeners (the local relay, the dispatcher, the engine that tells other
 * gateways). Rolled-back rows are never visible, so never sequenced. Only one sequencer
 * runs at a time (advisory lock), so `seq` is gap-free and monotonic.
 */
export class Sequencer {
  private readonly listeners = new Set<EventListener>();
  private readonly task: SerialTask;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    options: SerialTaskOptions = { periodMs: 1000 },
  ) {
    this.task = new SerialTask(() => this.drain(), (e) => this.log.error('event sequencer failed', { error: String(e) }), options);
  }

  /** Listens to the events this process sequenced, in seq order. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.task.start();
  }

  /** Runs soon; coalesces many pokes into one pass. */
  poke(): void {
    this.task.poke();
  }

  /** Another gateway is active (it may die with rows unsequenced): keep the safety net on. */
  touch(): void {
    this.task.touch();
  }

  /** Waits for the pass in flight, then runs one more (used on shutdown and in tests). */
  flush(): Promise<void> {
    return this.task.flush();
  }

  async stop(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.task.stop();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const n = await this.sequenceBatch();
      if (n === null) {
        // Another gateway holds the lock and may have looked before our commit: look again shortly.
        if (!this.retry) {
          this.retry = setTimeout(() => {
            this.retry = null;
            this.poke();
          }, LOCKED_RETRY_MS);
          this.retry.unref();
        }
        return;
      }
      if (n < 500) return;
    }
  }

  /** Rows sequenced, or null when another gateway's sequencer held the lock. */
  private async sequenceBatch(): Promise<number | null> {
    const em = this.orm.em.fork({ freshEventManager: true }); // its own commit must not poke it again
    let locked = false;
    const rows = await em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
      if (!lock.ok) {
        locked = true;
        return [] as OutboxRow[];
      }
      return tx.execute<OutboxRow[]>(`
        with batch as (
          select id, row_number() over (order by id) as n
          from outbox_event where seq is null order by id limit 500
        ), base as (select coalesce(max(seq), 0) as s from outbox_event)
        update outbox_event o set seq = base.s + batch.n
        from batch, base where o.id = batch.id
        returning o.seq::text as seq, o.name, o.program, o.district_id, o.street_id, o.community_id, o.version, o.payload, o.occurred_at`);
    });
    if (rows.length) {
      rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      const events: DomainEvent[] = rows.map(toDomainEvent);
      for (const l of this.listeners) {
        try {
          l(events);
        } catch (e) {
          this.log.error('sequenced-event listener failed', { error: String(e) });
        }
      }
    }
    return locked ? null : rows.length;
  }
}
