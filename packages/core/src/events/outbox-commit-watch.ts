import type { EventManager, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { OutboxEventSchema } from '@gongzhi/plugin-sdk/host';

/**
 * Calls `onCommit` after a commit that made outbox rows visible, and after no other commit:
 * a read, the sequencer's own pass or a dashboard computation commits without poking it
 * (so an idle gateway stays idle, and reads do not run sequencer passes).
 *
 * Rows flushed inside a transaction become visible at its root commit; a flush in a nested
 * (savepoint) transaction marks every open root, since a savepoint does not say its root.
 */
export function watchOutboxCommits(events: EventManager, onCommit: () => void): void {
  const open = new Set<unknown>();
  const wrote = new WeakSet<object>();
  events.registerSubscriber({
    afterTransactionStart: ({ transaction }: TransactionEventArgs) => void open.add(transaction),
    afterFlush: ({ em, uow }: FlushEventArgs) => {
      if (!uow.getChangeSets().some((cs) => cs.name === OutboxEventSchema.meta.className)) return;
      const tx = em.getTransactionContext();
      if (!tx) return onCommit(); // flushed in its own implicit transaction, already committed
      if (open.has(tx)) wrote.add(tx as object);
      else for (const root of open) wrote.add(root as object);
    },
    afterTransactionCommit: ({ transaction }: TransactionEventArgs) => {
      open.delete(transaction);
      if (wrote.delete(transaction as object)) onCommit();
    },
    afterTransactionRollback: ({ transaction }: TransactionEventArgs) => {
      open.delete(transaction);
      wrote.delete(transaction as object);
    },
  });
}
