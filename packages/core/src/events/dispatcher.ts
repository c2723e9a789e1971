import semver from 'semver';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent, GongzhiPlugin, GongzhiServices } from '@gongzhi/plugin-sdk';
import { eventSubscriptions, type Subscription } from '../plugins/event-contracts';
import type { Logger } from '../util/logger';
import type { EventSource } from './event-bus';
import { OUTBOX_COLUMNS, toDomainEvent, type OutboxRow } from './event-row';
import { SerialTask, type SerialTaskOptions } from './serial-task';
import { BatchEventFailure, commitBatch } from './handler-batch';

type Handler = Subscription;

export const MAX_ATTEMPTS = 5;
/** Outbox rows one catch-up statement reads. */
const PAGE = 500;

/**
 * Runs plugin subscribers for published events. Each handler's writes commit in one
 * transaction with its `event_handling` row, so an event is handled at most once per
 * handler; failures are retried with backoff and parked after MAX_ATTEMPTS.
 *
 * Events reach a handler in batches of `batchSize` (seq order), one transaction each (see
 * commitBatch); a failing event is retried or parked alone.
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
  private readonly versionChecks = new Map<string, boolean>();
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
    /** Events per handler transaction (1: one transaction per event). */
    private readonly batchSize = 500,
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

  /** Reads the outbox for events without a record now (after a reconnection; the period does it too). */
  catchUpNow(): void {
    if (this.handlers.length) this.catchUps.poke();
  }

  private async dispatch(events: DomainEvent[]): Promise<void> {
    this.touch();
    for (const h of this.handlers) {
      await this.handleAll(h, events.filter((e) => h.def.event.name === e.name && h.def.event.program === e.program));
    }
  }

  private async handleAll(h: Handler, events: DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += this.batchSize) await this.handleBatch(h, events.slice(i, i + this.batchSize));
  }

  /**
   * Events a handler has no record of (missed while down, or due for retry), page after
   * page until none is left; the cursor keeps each read from rescanning the pages before.
   */
  private async catchUp(): Promise<void> {
    for (const h of this.handlers) {
      let after = '0';
      while (!this.stopped) {
        const rows = await this.orm.em.fork().execute<OutboxRow[]>(
          `select ${OUTBOX_COLUMNS} from outbox_event e
           where e.seq > ? and e.name = ? and e.program = ? and e.occurred_at > now() - interval '1 day'
             and not exists (select 1 from event_handling h where h.handler = ? and h.event_seq = e.seq
                             and (h.status <> 'RETRYING' or h.next_attempt_at > now()))
           order by e.seq limit ${PAGE}`,
          [after, h.def.event.name, h.def.event.program, h.id],
        );
        await this.handleAll(h, rows.map(toDomainEvent));
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1].seq;
      }
    }
  }

  /**
   * A batch in one transaction; when a handler fails in it, the events before the failure go
   * again as a batch, the failure is recorded for its event alone (retry or park, as with one
   * transaction per event) and the rest continue as a batch, so each event runs at most twice.
   * Any other failure (the database): one transaction per event.
   */
  private async handleBatch(h: Handler, events: DomainEvent[]): Promise<void> {
    // Written under a payload schema the handler does not read: parked before anything runs,
    // so its neighbours are not run again for an event that could never succeed.
    let rest: DomainEvent[] = [];
    for (const e of events) {
      if (this.accepts(h, e.version)) rest.push(e);
      else await this.recordFailure(h, e, new Error(`payload version ${e.version} of "${e.name}" is outside ${h.def.accepts}`), true);
    }
    while (rest.length > 1) {
      try {
        await this.commit(h, rest);
        return;
      } catch (e) {
        if (!(e instanceof BatchEventFailure)) break;
        if (e.index > 0) await this.handleBatch(h, rest.slice(0, e.index));
        await this.recordFailure(h, rest[e.index], e.error, false);
        rest = rest.slice(e.index + 1);
      }
    }
    for (const e of rest) {
      await this.commit(h, [e]).catch((err) => this.recordFailure(h, e, err instanceof BatchEventFailure ? err.error : err, false));
    }
  }

  private commit(h: Handler, events: DomainEvent[]): Promise<void> {
    return commitBatch(this.orm, h, events, {
      enabled: (e) => this.isEnabled(h.plugin, e.districtId),
      run: (e, em) => h.def.handle(e, { em, ...this.services(em) }),
    });
  }

  /** Whether a handler reads a payload version (a range parse per event would cost more than a no-op handler). */
  private accepts(h: Handler, version: string): boolean {
    const key = `${h.id}\u0000${version}`;
    let ok = this.versionChecks.get(key);
    if (ok === undefined) this.versionChecks.set(key, (ok = semver.satisfies(version, h.def.accepts)));
    return ok;
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

  /**
   * One more failed attempt, counted on the event's mark (which the failed transaction left as
   * it was): retried after a backoff, parked after MAX_ATTEMPTS or at once when `final`. A mark
   * another gateway has meanwhile set DONE stays DONE.
   */
  private async recordFailure(h: Handler, e: DomainEvent, err: unknown, final: boolean): Promise<void> {
    const rows = await this.orm.em.fork().execute<{ attempts: number }[]>(
      `insert into event_handling as m (handler, event_seq, status, attempts, last_error, next_attempt_at, updated_at)
       values (?, ?, case when ?::boolean then 'PARKED' else 'RETRYING' end, case when ?::boolean then ${MAX_ATTEMPTS} else 1 end, ?,
               now() + interval '${backoffMs(1)} milliseconds', now())
       on conflict (handler, event_seq) do update set
         attempts = case when ?::boolean then ${MAX_ATTEMPTS} else least(m.attempts + 1, ${MAX_ATTEMPTS}) end,
         status = case when ?::boolean or m.attempts + 1 >= ${MAX_ATTEMPTS} then 'PARKED' else 'RETRYING' end,
         next_attempt_at = now() + least(60000, ${backoffMs(1)} * 2 ^ m.attempts) * interval '1 millisecond',
         last_error = excluded.last_error, updated_at = now()
       where m.status = 'RETRYING'
       returning attempts`,
      [h.id, e.id, final, final, String(err).slice(0, 2000), final, final],
    ).catch((e2) => {
      this.log.error('could not record handler failure', { error: String(e2) });
      return [{ attempts: 1 }]; // retried after the first backoff
    });
    if (!rows.length) return; // handled meanwhile elsewhere
    const { attempts } = rows[0];
    const parked = attempts >= MAX_ATTEMPTS;
    this.log.warn('event handler failed', { handler: h.id, event: e.id, attempts, parked, error: String(err) });
    const count = this.failures.get(h.id) ?? { retried: 0, parked: 0 };
    count[parked ? 'parked' : 'retried']++;
    this.failures.set(h.id, count);
    if (!parked) this.retryAfter(backoffMs(attempts));
  }
}

const backoffMs = (attempts: number) => Math.min(60_000, 500 * 2 ** (attempts - 1));
