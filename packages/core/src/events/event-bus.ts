import type { DomainEvent } from '@gongzhi/plugin-sdk';

export type EventListener = (events: DomainEvent[]) => void;

/**
 * Delivers sequenced events to listeners in this process. Engines that carry events
 * between gateways (PostgreSQL NOTIFY, Redis) feed the same bus on each process.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  /** Highest seq delivered in this process: cursor for catch-up after a gap. */
  lastSeq = 0n;

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: DomainEvent[]): void {
    const fresh = events.filter((e) => BigInt(e.id) > this.lastSeq);
    if (!fresh.length) return;
    this.lastSeq = BigInt(fresh[fresh.length - 1].id);
    for (const l of this.listeners) l(fresh);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
