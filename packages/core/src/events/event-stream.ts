import type { MikroORM } from '@mikro-orm/postgresql';
import { badInput, type DomainEvent, type EventFilter, type EventStreamer, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { EventBus } from './event-bus';
import { OUTBOX_COLUMNS, toDomainEvent, type OutboxRow } from './event-row';

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
    let wake: (() => void) | null = null;
    let done = false;
    let replaying = after !== null;
    let last = after ?? 0n;
    const held: DomainEvent[] = [];

    const push = (e: DomainEvent) => {
      if (BigInt(e.id) <= last) return;
      last = BigInt(e.id);
      queue.push(e);
      wake?.();
    };
    const off = this.bus.on((events) => {
      for (const e of events) {
        if (!matches(e, filter)) continue;
        if (replaying) held.push(e);
        else push(e);
      }
    });

    if (after !== null) {
      this.replay(after, filter)
        .then((rows) => {
          for (const e of rows) push(e);
          replaying = false;
          for (const e of held.splice(0)) push(e);
        })
        .catch(() => {
          replaying = false;
          finish();
        });
    }

    const finish = () => {
      done = true;
      off();
      wake?.();
    };

    const iterator: AsyncIterableIterator<DomainEvent> = {
      next: async () => {
        while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
        wake = null;
        if (queue.length) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      return: async () => {
        finish();
        return { value: undefined, done: true };
      },
      throw: async (err: unknown) => {
        finish();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  private async replay(after: bigint, f: EventFilter): Promise<DomainEvent[]> {
    const params: unknown[] = [after.toString(), this.retentionDays];
    const where = ['seq > ?', `occurred_at > now() - (? * interval '1 day')`];
    if (f.names) { where.push("name = any(string_to_array(?, ','))"); params.push(f.names.join(',')); }
    if (f.programs) { where.push("program = any(string_to_array(?, ','))"); params.push(f.programs.join(',')); }
    if (f.scope) {
      where.push('district_id = ?'); params.push(f.scope.districtId);
      if (f.scope.streetId) { where.push('street_id = ?'); params.push(f.scope.streetId); }
      if (f.scope.communityId) { where.push('community_id = ?'); params.push(f.scope.communityId); }
    }
    const rows = await this.orm.em.fork().execute<OutboxRow[]>(
      `select ${OUTBOX_COLUMNS} from outbox_event where ${where.join(' and ')} order by seq limit 10000`, params);
    return rows.map(toDomainEvent);
  }
}
