import type { EntityManager } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { SettingsDefinition, SettingsOf } from './settings';
import type { Community, District, Grid, RelationKind, Resident, SocialOrganization, Street } from './core-graph';
import type { DomainEvent } from './events';
import type { PermissionDefinition } from './permissions';

/** A node of the territory tree that rules are scoped to. */
export interface ScopeNode {
  districtId: string;
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  organizationId?: string | null;
}

/** The authenticated caller, when there is one. */
export interface Actor {
  accountId: string;
  displayName: string;
  residentId?: string | null;
}

export interface ProgramGate {
  /** From the in-process enablement cache: no SQL. */
  isEnabled(program: string, districtId: string): boolean;
  /** Throws PROGRAM_NOT_ENABLED. */
  assertEnabled(program: string, districtId: string): void;
}

export interface SettingsReader {
  /** A plugin's settings for one district: stored values over defaults (batched per request). */
  get<D extends SettingsDefinition>(def: D, districtId: string): Promise<SettingsOf<D>>;
}

/** A live relation: `relativeId` may act for `residentId`, with the resident's consent on record. */
export interface ResidentRelationView {
  id: string;
  districtId: string;
  residentId: string;
  relativeId: string;
  kind: RelationKind;
}

/** Batched, request-cached reads of the core tree for plugins. */
export interface CoreReader {
  district(id: string): Promise<District | null>;
  street(id: string): Promise<Street | null>;
  community(id: string): Promise<Community | null>;
  grid(id: string): Promise<Grid | null>;
  resident(id: string): Promise<Resident | null>;
  socialOrganization(id: string): Promise<SocialOrganization | null>;
  /**
   * The live relation by which resident `relativeId` may act for resident `residentId` (family,
   * guardian; consent recorded by the core), or null. Programs use it for "on behalf of family".
   */
  relation(relativeId: string, residentId: string): Promise<ResidentRelationView | null>;
}

/** Where a caller holds a permission: everywhere, or these nodes (and everything below them). */
export interface ScopeFilter {
  all: boolean;
  districtIds: string[];
  streetIds: string[];
  communityIds: string[];
  gridIds: string[];
  organizationIds: string[];
}

export interface Authorizer {
  /**
   * Throws UNAUTHENTICATED without a caller, NOT_FOUND when `node` lies in a district the
   * caller has no role in, FORBIDDEN when the caller lacks `permission` at `node`.
   */
  require(permission: PermissionDefinition, node: ScopeNode): Promise<void>;
  /** Nodes where the caller holds `permission`, to filter lists in SQL. */
  scopeFilter(permission: PermissionDefinition): ScopeFilter;
}

/** Where "now" comes from: the gateway's own (tests set theirs), never a module-level one. */
export interface Clock {
  now(): Date;
}

/** What request resolvers, event handlers and jobs can use. */
export interface GongzhiServices {
  programs: ProgramGate;
  clock: Clock;
  settings: SettingsReader;
  core: CoreReader;
}

export interface EventFilter {
  /** Event names, e.g. `meal.delivered`; all when omitted. */
  names?: string[];
  programs?: string[];
  /** Only events at or below this node of the tree. */
  scope?: ScopeNode;
  /** Replay events after this cursor (from the outbox) before live ones. */
  after?: string | null;
}

export interface EventStreamer {
  /** Committed events matching the filter, as they are published. */
  stream(filter: EventFilter): AsyncIterableIterator<DomainEvent>;
}

/** One audited act of an operation, e.g. a read of confidential content. Never personal data in `detail`. */
export interface AuditRecord {
  /** `plugin.object.act`, e.g. `legal-advisors.consultation.read-content`. */
  action: string;
  objectType: string;
  objectId: string;
  districtId: string;
  detail?: Record<string, unknown>;
}

export interface AuditRecorder {
  /** Files the record under the caller, written once the operation ends (also when it fails). */
  record(entry: AuditRecord): void;
}

/** The per-operation GraphQL context. */
export interface GongzhiContext extends GongzhiServices {
  requestId: string;
  /** Forked for this operation only. */
  em: EntityManager;
  actor: Actor | null;
  auth: Authorizer;
  events: EventStreamer;
  audit: AuditRecorder;
  /** A DataLoader created once per operation per key. */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V>;
}
