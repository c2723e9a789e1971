import type { EntityManager } from '@mikro-orm/core';
import type { GongzhiServices } from './context';

/** A typed domain event. Declared by the emitting plugin; a consuming plugin declares the same name. */
export interface EventDefinition<P = unknown> {
  readonly name: string;
  readonly description?: string;
  /** Phantom field carrying the payload type. */
  readonly __payload?: P;
}

export function defineEvent<P>(name: string, description?: string): EventDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`Event name "${name}" must be dotted lower-case, e.g. "meal.delivered"`);
  }
  return { name, description };
}

/** Where in the tree an event happened: subscribers are scoped by it. */
export interface EventScope {
  districtId: string;
  streetId?: string | null;
  communityId?: string | null;
}

export interface DomainEvent<P = unknown> extends Required<EventScope> {
  /** Monotonic position in the event log (decimal string of a bigint). */
  id: string;
  name: string;
  program: string;
  occurredAt: Date;
  payload: P;
}

/** Name of the core outbox entity; plugins reach it through `emit` only. */
export const OUTBOX_ENTITY = 'OutboxEvent';

/**
 * Records `payload` in the outbox through `em`, so it commits or rolls back with the
 * data of the same unit of work. Published only after commit.
 */
export function emit<P>(em: EntityManager, program: string, def: EventDefinition<P>, scope: EventScope, payload: P): void {
  const row = em.create(OUTBOX_ENTITY, {
    name: def.name,
    program,
    districtId: scope.districtId,
    streetId: scope.streetId ?? null,
    communityId: scope.communityId ?? null,
    payload,
  });
  em.persist(row);
}

/** Context of an event handler: its writes commit atomically with the "processed" mark. */
export interface HandlerContext extends GongzhiServices {
  em: EntityManager;
}

export interface SubscriberDefinition<P = unknown> {
  /** Unique within the plugin; the processed-event record is kept per handler. */
  name: string;
  event: EventDefinition<P>;
  handle(event: DomainEvent<P>, ctx: HandlerContext): Promise<void>;
}

export function defineSubscriber<P>(
  name: string,
  event: EventDefinition<P>,
  handle: (event: DomainEvent<P>, ctx: HandlerContext) => Promise<void>,
): SubscriberDefinition<P> {
  return { name, event, handle };
}
