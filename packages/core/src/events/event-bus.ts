import type { DomainEvent } from '@gongzhi/plugin-sdk';

export type EventListener = (events: DomainEvent[]) => void;

/** Anything listeners can attach to (the bus, the sequencer). */
export interface EventSource {
  on(listener: EventListener): () => void;
}

/**
 * Delivers sequenced events to listeners in this process, each once and in seq order with
 * no gap: `seq` is gap-free, so an event past `lastSeq + 1` means something was missed and
 * the caller (the relay) reads the outbox instead. Every engine feeds this one bus.
 */
export class EventBus implements EventSource {
  private readonly listeners = new Set<EventListener>();
  /** Highest seq delivered in this process: cursor for catch-up after a gap. */
  lastSeq = 0n;

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers the contiguous run after `lastSeq`; false when a gap stopped it (catch up from the outbox). */
  publish(events: DomainEvent[]): boolean {
    const fresh: DomainEvent[] = [];
    let next = this.lastSeq + 1n;
    let gap = false;
    for (const e of events) {
      const seq = BigInt(e.id);
      if (seq < next) continue;
      if (seq > next) {
        gap = true;
        break;
      }
      fresh.push(e);
      next++;
    }
    if (fresh.length) {
      this.lastSeq = next - 1n;
      for (const l of this.listeners) l(fresh);
    }
    return !gap;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
