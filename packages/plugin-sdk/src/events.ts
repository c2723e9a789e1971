import type { EntityManager } from '@mikro-orm/core';
import type { GongzhiServices } from './context';
import { OutboxEventSchema } from './outbox';

const SEMVER = /^\d+\.\d+\.\d+$/;

/**
 * A typed, versioned domain event. Declared once, by the program that emits it; a
 * program whose events others consume publishes the definition in
 * `@gongzhi/plugin-sdk/contracts`, and both sides import that one object.
 *
 * `version` is the payload schema's semver: a minor bump adds fields, a major bump
 * removes or changes one. Subscribers state the range they accept.
 */
export interface EventDefinition<P = unknown> {
  /** The emitting program (`core` for the gateway's own events). */
  readonly program: string;
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  /** Phantom field carrying the payload type. */
  readonly __payload?: P;
}

export interface EventSpec {
  program: string;
  version: string;
  description?: string;
}

export function defineEvent<P>(name: string, spec: EventSpec): EventDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`Event name "${name}" must be dotted lower-case, e.g. "meal.delivered"`);
  }
  if (!SEMVER.test(spec.version)) throw new Error(`Event "${name}" has version "${spec.version}"; use major.minor.patch`);
  return Object.freeze({ name, program: spec.program, version: spec.version, description: spec.description });
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
  /** Payload schema version the emitter wrote (its definition's `version`). */
  version: string;
  occurredAt: Date;
  payload: P;
}

/**
 * Records `payload` in the outbox through `em`, so it commits or rolls back with the
 * data of the same unit of work. Published only after commit; carries the definition's
 * program and version.
 */
export function emit<P>(em: EntityManager, def: EventDefinition<P>, scope: EventScope, payload: P): void {
  em.persist(em.create(OutboxEventSchema, {
    name: def.name,
    program: def.program,
    version: def.version,
    districtId: scope.districtId,
    streetId: scope.streetId ?? null,
    communityId: scope.communityId ?? null,
    payload,
  }));
}

/** Context of an event handler: its writes commit atomically with the "processed" mark. */
export interface HandlerContext extends GongzhiServices {
  em: EntityManager;
}

export interface SubscriberDefinition<P = unknown> {
  /** Unique within the plugin; the processed-event record is kept per handler. */
  name: string;
  event: EventDefinition<P>;
  /** Semver range of payload versions the handler understands (default `^<event.version>`). */
  accepts: string;
  handle(event: DomainEvent<P>, ctx: HandlerContext): Promise<void>;
}

export function defineSubscriber<P>(
  name: string,
  event: EventDefinition<P>,
  handle: (event: DomainEvent<P>, ctx: HandlerContext) => Promise<void>,
  opts: { accepts?: string } = {},
): SubscriberDefinition<P> {
  return { name, event, accepts: opts.accepts ?? `^${event.version}`, handle };
}
