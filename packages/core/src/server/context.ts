import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { byId, type AuditRecorder, type CoreReader, type ResidentRelationView, type GongzhiServices, type SettingsDefinition, type SettingsReader } from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, SocialOrganizationEntity, StreetEntity,
} from '../entities';
import { LoaderRegistry } from '../services/loaders';
import { liveRelations } from '../services/relation.service';
import { GrantAuthorizer } from '../identity/authorizer';
import { requestProgramGate } from '../security/program-gate';
import type { Caller } from '../identity/authenticator';
import type { CoreContext, CoreServices } from '../graphql/core-context';
import type { OutboxEventStreamer } from '../events/event-stream';
import type { AuditEntry } from '../security/audit';

function servicesFor(em: EntityManager, loaders: LoaderRegistry, core: Pick<CoreServices, 'programs' | 'settings' | 'clock'>): GongzhiServices {
  const loading = { em, loader: loaders.get.bind(loaders) };
  const load = <T extends { id: string }>(entity: new () => T, id: string) => byId(loading, entity, { refresh: false }).load(id) as never;
  const coreReader: CoreReader = {
    district: (id) => load(DistrictEntity, id),
    street: (id) => load(StreetEntity, id),
    community: (id) => load(CommunityEntity, id),
    grid: (id) => load(GridEntity, id),
    resident: (id) => load(ResidentEntity, id),
    socialOrganization: (id) => load(SocialOrganizationEntity, id),
    relation: (relativeId, residentId) => loaders
      .get<string, ResidentRelationView | null>('core:relation', (keys) => liveRelations(em, keys))
      .load(`${relativeId}|${residentId}`),
  };
  const settings: SettingsReader = {
    get: async <D extends SettingsDefinition>(def: D, districtId: string) => {
      const program = core.settings.programFor(def);
      const stored = await loaders
        .get<string, Record<string, unknown> | null>('settings', (keys) => core.settings.loadStored(em, keys))
        .load(`${program}|${districtId}`);
      return core.settings.resolve(def, stored);
    },
  };
  return { programs: core.programs, settings, core: coreReader, clock: core.clock };
}

/** Services for event handlers: bound to the handler's transaction. */
export const handlerServices = (core: Pick<CoreServices, 'programs' | 'settings' | 'clock'>) => (em: EntityManager): GongzhiServices =>
  servicesFor(em, new LoaderRegistry(), core);

/** Plugins' audit records join the operation's pending entries, under its caller. */
function auditRecorder(pending: AuditEntry[], actor: CoreContext['actor'], requestId: string): AuditRecorder {
  return {
    record: (r) => pending.push({
      accountId: actor?.accountId ?? null, actor: actor?.displayName ?? null, action: r.action, objectType: r.objectType,
      objectId: r.objectId, districtId: r.districtId, outcome: 'SUCCESS', detail: r.detail ?? null, requestId,
    }),
  };
}

export interface ContextInput {
  caller: Caller | null;
  requestId?: string;
  ip?: string | null;
}

/** One forked EntityManager and a fresh set of DataLoaders per operation, for the authenticated caller. */
export function createContextFactory(orm: MikroORM, core: CoreServices, events: OutboxEventStreamer) {
  return ({ caller, requestId = randomUUID(), ip = null }: ContextInput): CoreContext => {
    const em = orm.em.fork({ useContext: false });
    const loaders = new LoaderRegistry();
    const pendingAudit: AuditEntry[] = [];
    const actor = caller?.actor ?? null;
    const auth = new GrantAuthorizer(caller?.actor ?? null, caller?.grants ?? [], core.roles, core.config.unsafeServiceChecksOff);
    return {
      requestId,
      em,
      ip,
      actor,
      auth,
      events,
      loaders,
      services: core,
      loader: (key, batch) => loaders.get(key, batch),
      pendingAudit,
      audit: auditRecorder(pendingAudit, actor, requestId),
      auditDetail: new Map(),
      auditedInTransaction: new Set(),
      ...servicesFor(em, loaders, core),
      programs: requestProgramGate(core.programs, auth),
    };
  };
}

/** The same caller with a fresh EntityManager and loaders (each event of a subscription). */
export function refork(ctx: CoreContext, orm: MikroORM): CoreContext {
  const em = orm.em.fork({ useContext: false });
  const loaders = new LoaderRegistry();
  const pendingAudit: AuditEntry[] = [];
  return {
    ...ctx, em, loaders, loader: (key, batch) => loaders.get(key, batch), pendingAudit, audit: auditRecorder(pendingAudit, ctx.actor, ctx.requestId),
    auditDetail: new Map(), auditedInTransaction: new Set(), ...servicesFor(em, loaders, ctx.services), programs: ctx.programs,
  };
}
