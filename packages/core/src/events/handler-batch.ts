import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@gongzhi/plugin-sdk';
import type { Subscription } from '../plugins/event-contracts';

/** A handler failed at `index` of a batch: the batch rolled back. */
export class BatchEventFailure extends Error {
  constructor(readonly index: number, readonly error: unknown) {
    super(String(error));
  }
}

export interface BatchSteps {
  /** Whether the handler's program runs in the event's district (else the event is SKIPPED). */
  enabled(e: DomainEvent): boolean;
  run(e: DomainEvent, em: EntityManager): Promise<void>;
}

/**
 * One transaction for a handler's events (in seq order): one statement marks and locks
 * them, each not yet handled runs on an EntityManager flushed and cleared after it (as in
 * a transaction of its own), one statement records the outcomes. The marks commit with the
 * handler's writes, so each event is handled once; concurrent batches over the same events
 * wait for each other at the marks and the later finds them done.
 */
export async function commitBatch(orm: MikroORM, h: Subscription, events: DomainEvent[], steps: BatchSteps): Promise<void> {
  const seqs = events.map((e) => e.id).join(',');
  await orm.em.fork().transactional(async (tx) => {
    // Inserted in seq order, so two batches over the same events lock them in the same order.
    await tx.execute(
      `insert into event_handling (handler, event_seq, status, attempts)
       select ?, s, 'RETRYING', 0 from unnest(string_to_array(?, ',')::bigint[]) s order by s
       on conflict (handler, event_seq) do nothing`, [h.id, seqs]);
    const open = await tx.execute<{ seq: string }[]>(
      `select event_seq::text as seq from event_handling where handler = ? and event_seq = any(string_to_array(?, ',')::bigint[])
       and status = 'RETRYING' order by event_seq for update`, [h.id, seqs]);
    const todo = new Set(open.map((r) => r.seq));
    // One EntityManager cleared between events costs half of one forked per event.
    const em = tx.fork({ keepTransactionContext: true });
    const seq: string[] = [];
    const status: string[] = [];
    for (const [index, e] of events.entries()) {
      if (!todo.has(e.id)) continue; // handled already (another gateway, an earlier pass)
      const enabled = steps.enabled(e);
      if (enabled) {
        try {
          await steps.run(e, em);
          await em.flush();
        } catch (error) {
          throw new BatchEventFailure(index, error);
        }
        em.clear();
      }
      seq.push(e.id);
      status.push(enabled ? 'DONE' : 'SKIPPED');
    }
    if (!seq.length) return;
    await tx.execute(
      `update event_handling h set status = v.status, attempts = h.attempts + 1, last_error = null, next_attempt_at = null, updated_at = now()
       from (select unnest(string_to_array(?, ',')::bigint[]) as seq, unnest(string_to_array(?, ',')) as status) v
       where h.handler = ? and h.event_seq = v.seq`, [seq.join(','), status.join(','), h.id]);
  });
}
