import type { DomainEvent } from '@gongzhi/plugin-sdk';

export type EventEngineKind = 'memory' | 'postgres' | 'redis';

/** What an engine tells the gateway it runs in. */
export interface EngineSink {
  /** Another gateway (or this one) sequenced events up to `maxSeq`; `events` when the engine carried them. */
  remote(maxSeq: bigint, events?: DomainEvent[]): void;
  /** The transport (re)connected: signals may have been lost meanwhile, read the outbox. */
  resync(): void;
}

/**
 * Carries "new events up to seq N" between gateways. Engines are only a signal: every
 * gateway reads what it missed from the outbox (its own `lastSeq`), so a lost message,
 * a dropped connection or a restarted broker delays delivery and never loses an event.
 */
export interface EventEngine {
  readonly kind: EventEngineKind;
  /** Connected and carrying signals (a disconnected engine keeps retrying; the poll covers the gap). */
  readonly connected: boolean;
  start(sink: EngineSink): Promise<void>;
  /** Called after this process sequenced `events` (committed, in seq order). Never throws. */
  announce(events: DomainEvent[]): Promise<void>;
  stop(): Promise<void>;
}

export const maxSeqOf = (events: DomainEvent[]): bigint => BigInt(events[events.length - 1].id);

/** Reconnect delay after `attempt` failures: 100 ms doubling to 5 s. */
export const backoffMs = (attempt: number): number => Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
