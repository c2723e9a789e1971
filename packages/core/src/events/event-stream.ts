import type { MikroORM } from '@mikro-orm/postgresql';
import { badInput, type DomainEvent, type EventFilter, type EventStreamer, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { EventBus } from './event-bus';
import { OUTBOX_COLUMNS, toDomainEvent, type OutboxRow } from './event-row';
import { Channel } from './channel';

const REPLAY_PAGE = 1000;

export function inScope(e: DomainEvent, scope: ScopeNode | undefined): boolean {
  if (!scope) return true;
  if (e.districtId !== scope.districtId) return false;
  if (scope.streetId && e.streetId !== scope.streetId) return false;
  if (scope.communityId && e.communityId !== scope.communityId) return false;
  return true;
}

export function matches(e: DomainEvent, f: EventFilter): boolean {
  return (!f.names || f.names.includes(e.name)) && (!f.programs || f.programs.includes(e.program)) && inScope(e, f.scope);
}

/** Replays from the outbox after a cursor, then streams live events, without gaps or repeats. */
export class OutboxEventStreamer implements EventStreamer {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly retentionDays: number,
  ) {}

  stream(filter: EventFilter): AsyncIterableIterator<DomainEvent> {
    let after: bigint | null = null;
    if (filter.after != null) {
      if (!/^\d{1,19}$/.test(filter.after)) throw badInput('after', 'is not an event cursor');
      after = BigInt(filter.after);
    }
    const queue: DomainEvent[] = [];
    let replaying = after !== null;
    let last = after ?? 0n;
    const held: DomainEvent[] = [];
    let closed = false;
    const channel = new Channel<DomainEvent>(() => queue.shift(), () => {
      closed = true;
      off();
    });

    const push = (e: DomainEvent) => {
      if (BigInt(e.id) <= last) return;
      last = BigInt(e.id);
      queue.push(e);
      channel.notify();
    };
    const off = this.bus.on((events) => {
      for (const e of events) {
        if (!matches(e, filter)) continue;
        if (replaying) held.push(e);
        else push(e);
      }
    });

    if (after !== null) {
      this.replay(after, filter, (rows) => rows.forEach(push), () => closed)
        .then(() => {
          replaying = false;
          for (const e of held.splice(0)) push(e);
        })
        .catch(() => {
          replaying = false;
          channel.close();
        });
    }
    return channel;
  }

  /** Pages through the outbox after the cursor (any length of absence within the retention window). */
  private async replay(after: bigint, f: EventFilter, deliver: (rows: DomainEvent[]) => void, closed: () => boolean): Promise<void> {
    const where = ['seq > ?', `occurred_at > now() - (? * interval '1 day')`];
    const fixed: unknown[] = [this.retentionDays];
    if (f.names) { where.push("name = any(string_to_array(?, ','))"); fixed.push(f.names.join(',')); }
    if (f.programs) { where.push("program = any(string_to_array(?, ','))"); fixed.push(f.programs.join(',')); }
    if (f.scope) {
      where.push('district_id = ?'); fixed.push(f.scope.districtId);
      if (f.scope.streetId) { where.push('street_id = ?'); fixed.push(f.scope.streetId); }
      if (f.scope.communityId) { where.push('community_id = ?'); fixed.push(f.scope.communityId); }
    }
    let cursor = after;
    while (!closed()) {
      const rows = await this.orm.em.fork().execute<OutboxRow[]>(
        `select ${OUTBOX_COLUMNS} from outbox_event where ${where.join(' and ')} order by outbox_event.seq limit ${REPLAY_PAGE}`, [cursor.toString(), ...fixed]);
      deliver(rows.map(toDomainEvent));
      if (rows.length < REPLAY_PAGE) return;
      cursor = BigInt(rows[rows.length - 1].seq);
    }
  }
}
