import semver from 'semver';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent, GongzhiPlugin, GongzhiServices } from '@gongzhi/plugin-sdk';
import { eventSubscriptions, type Subscription } from '../plugins/event-contracts';
import type { Logger } from '../util/logger';
import type { EventSource } from './event-bus';
import { OUTBOX_COLUMNS, toDomainEvent, type OutboxRow } from './event-row';
import { SerialTask, type SerialTaskOptions } from './serial-task';

type Handler = Subscription;

export const MAX_ATTEMPTS = 5;

/**
 * Runs plugin subscribers for published events. Each handler's writes commit in one
 * transaction with its `event_handling` row, so an event is handled at most once per
 * handler; failures are retried with backoff and parked after MAX_ATTEMPTS.
 *
 * With several gateways, live dispatch runs only on the gateway that sequenced an event
 * (not on every gateway whose bus receives it), so handlers do not race for the same row;
 * the periodic catch-up on every gateway picks up what a crashed gateway left, and the
 * marker row makes any remaining race harmless (the loser sees DONE and skips).
 */
export class EventDispatcher {
  private readonly handlers: Handler[];
  private readonly catchUps: SerialTask;
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Failures since start, by handler (metrics). */
  readonly failures = new Map<string, { retried: number; parked: number }>();
  private inflight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    /** Events to run handlers for as they are sequenced (those of other gateways come via catch-up). */
    source: EventSource,
    plugins: GongzhiPlugin[],
    private readonly services: (em: import('@mikro-orm/postgresql').EntityManager) => GongzhiServices,
    private readonly isEnabled: (program: string, districtId: string) => boolean,
    private readonly log: Logger,
    options: SerialTaskOptions = { periodMs: 1000 },
  ) {
    this.handlers = eventSubscriptions(plugins);
    this.catchUps = new SerialTask(() => this.track(this.catchUp()), (e) => this.log.error('event catch-up failed', { error: String(e) }), options);
    if (this.handlers.length) source.on((events) => this.track(this.dispatch(events)));
  }

  start(): void {
    if (this.handlers.length) this.catchUps.start();
  }

  /** Events exist somewhere (here or on another gateway): keep the periodic catch-up on for a while. */
  touch(): void {
    if (this.handlers.length) this.catchUps.touch();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.retries) clearTimeout(t);
    await this.catchUps.stop(false);
    await Promise.allSettled([...this.inflight]);
  }

  /** Resolves when every dispatch in flight has finished (tests). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    return p.finally(() => this.inflight.delete(p));
  }

  private async dispatch(events: DomainEvent[]): Promise<void> {
    this.touch();
    for (const e of events) {
      for (const h of this.handlers) {
        if (h.def.event.name === e.name && h.def.event.program === e.program) await this.handle(h, e);
      }
    }
  }

  /** Events a handler has no record of (missed while down, or due for retry). */
  private async catchUp(): Promise<void> {
    for (const h of this.handlers) {
      const rows = await this.orm.em.fork().execute<OutboxRow[]>(
        `select ${OUTBOX_COLUMNS} from outbox_event e
         where e.seq is not null and e.name = ? and e.program = ? and e.occurred_at > now() - interval '1 day'
           and not exists (select 1 from event_handling h where h.handler = ? and h.event_seq = e.seq
                           and (h.status <> 'RETRYING' or h.next_attempt_at > now()))
         order by e.seq limit 200`,
        [h.def.event.name, h.def.event.program, h.id],
      );
      for (const r of rows) await this.handle(h, toDomainEvent(r));
    }
  }

  /** The catch-up that retries a failed handler when it is due (the period alone stops when idle). */
  private retryAfter(ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.retries.delete(t);
      this.catchUps.poke();
    }, ms + 50);
    t.unref();
    this.retries.add(t);
  }

  private async handle(h: Handler, e: DomainEvent): Promise<void> {
    const em = this.orm.em.fork();
    let attempts = 0;
    try {
      await em.transactional(async (tx) => {
        // The marker row serialises concurrent attempts at the same (handler, event).
        await tx.execute(
          `insert into event_handling (handler, event_seq, status, attempts) values (?, ?, 'RETRYING', 0)
           on conflict (handler, event_seq) do nothing`, [h.id, e.id]);
        const [prev] = await tx.execute<{ status: string; attempts: number }[]>(
          `select status, attempts from event_handling where handler = ? and event_seq = ? for update`, [h.id, e.id]);
        if (prev.status !== 'RETRYING') return;
        attempts = prev.attempts + 1;
        // Written under an older (or newer) payload schema than the handler reads: keep it visible, do not guess.
        if (!semver.satisfies(e.version, h.def.accepts)) {
          attempts = MAX_ATTEMPTS;
          throw new Error(`payload version ${e.version} of "${e.name}" is outside ${h.def.accepts}`);
        }
        const enabled = this.isEnabled(h.plugin, e.districtId);
        if (enabled) await h.def.handle(e, { em: tx, ...this.services(tx) });
        await tx.execute(
          `update event_handling set status = ?, attempts = ?, last_error = null, next_attempt_at = null, updated_at = now()
           where handler = ? and event_seq = ?`,
          [enabled ? 'DONE' : 'SKIPPED', attempts, h.id, e.id],
        );
      });
    } catch (err) {
      attempts = Math.max(attempts, 1);
      const parked = attempts >= MAX_ATTEMPTS;
      const delayMs = Math.min(60_000, 500 * 2 ** (attempts - 1));
      this.log.warn('event handler failed', { handler: h.id, event: e.id, attempts, parked, error: String(err) });
      const count = this.failures.get(h.id) ?? { retried: 0, parked: 0 };
      count[parked ? 'parked' : 'retried']++;
      this.failures.set(h.id, count);
      await this.orm.em.fork().execute(
        `insert into event_handling (handler, event_seq, status, attempts, last_error, next_attempt_at, updated_at)
         values (?, ?, ?, ?, ?, now() + (? * interval '1 millisecond'), now())
         on conflict (handler, event_seq) do update set status = excluded.status, attempts = excluded.attempts,
           last_error = excluded.last_error, next_attempt_at = excluded.next_attempt_at, updated_at = now()`,
        [h.id, e.id, parked ? 'PARKED' : 'RETRYING', attempts, String(err).slice(0, 2000), delayMs],
      ).catch((e2) => this.log.error('could not record handler failure', { error: String(e2) }));
      if (!parked) this.retryAfter(delayMs);
    }
  }
}
