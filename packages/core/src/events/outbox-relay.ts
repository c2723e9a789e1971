import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import type { EventBus } from './event-bus';
import { OUTBOX_COLUMNS, toDomainEvent, type OutboxRow } from './event-row';
import { SerialTask, type SerialTaskOptions } from './serial-task';

const PAGE = 1000;

/**
 * Feeds this process's bus from the outbox: whatever a signal says (events this process
 * sequenced, an engine message from another gateway, a reconnection, the periodic poll),
 * the bus only ever gets the contiguous run after its own `lastSeq`, and a gap is filled by
 * reading `seq > lastSeq` from the outbox. So a lost signal only delays an event, never loses it.
 */
export class OutboxRelay {
  private readonly task: SerialTask;
  /** Catch-up passes that read the outbox (tests and metrics). */
  catchUps = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly log: Logger,
    options: SerialTaskOptions = { periodMs: 1000 },
  ) {
    this.task = new SerialTask(() => this.drain(), (e) => this.log.warn('event catch-up failed', { error: String(e) }), options);
  }

  /** Live delivery starts after what is already committed (older events are replayed by cursor). */
  async start(): Promise<void> {
    const [row] = await this.orm.em.fork().execute<{ s: string }[]>('select coalesce(max(seq), 0)::text as s from outbox_event');
    if (BigInt(row.s) > this.bus.lastSeq) this.bus.lastSeq = BigInt(row.s);
    this.task.start();
  }

  /** Events in seq order (sequenced here, or carried by an engine). */
  offer(events: DomainEvent[]): void {
    this.task.touch();
    if (!this.bus.publish(events)) this.catchUp();
  }

  /** Another gateway sequenced up to `maxSeq`; `events` when the engine carried them. */
  remote(maxSeq: bigint, events?: DomainEvent[]): void {
    this.task.touch();
    if (maxSeq <= this.bus.lastSeq) return;
    if (events?.length && this.bus.publish(events) && this.bus.lastSeq >= maxSeq) return;
    this.catchUp();
  }

  /** Reads the outbox after this process's `lastSeq` soon (coalesced). */
  catchUp(): void {
    this.task.poke();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.orm.em.fork().execute<OutboxRow[]>(
        `select ${OUTBOX_COLUMNS} from outbox_event where outbox_event.seq > ? order by outbox_event.seq limit ${PAGE}`, [this.bus.lastSeq.toString()]);
      if (!rows.length) return;
      this.catchUps++;
      this.bus.publish(rows.map(toDomainEvent));
      if (rows.length < PAGE) return;
    }
  }
}
