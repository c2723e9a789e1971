import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, ForbiddenError, InputCheck, NotFoundError, conflictOn, type RelationKind, type ResidentRelationView } from '@gongzhi/plugin-sdk';
import { ResidentEntity, ResidentRelationEntity } from '../entities';
import type { ConsentMethodValue, RelationEndValue } from '../entities/resident-relation.entity';

/** Live relations for `relative|resident` keys, in key order (one statement per batch). */
export async function liveRelations(em: EntityManager, keys: readonly string[]): Promise<(ResidentRelationView | null)[]> {
  const pairs = keys.map((k) => k.split('|'));
  const rows = await em.find(ResidentRelationEntity, { endedAt: null, $or: pairs.map(([relativeId, residentId]) => ({ relativeId, residentId })) });
  const byKey = new Map(rows.map((r) => [`${r.relativeId}|${r.residentId}`, r]));
  return keys.map((k) => {
    const r = byKey.get(k);
    return r ? { id: r.id, districtId: r.districtId, residentId: r.residentId, relativeId: r.relativeId, kind: r.kind as RelationKind } : null;
  });
}

export interface RecordRelation {
  resident: ResidentEntity;
  relativeId: string;
  kind: RelationKind;
  consentMethod: ConsentMethodValue;
  consentReference?: string | null;
  recordedBy: string;
}

/**
 * Records that `relativeId` may act for the resident. Written consent and guardianship need a
 * document reference; the relative must be another resident of the same district.
 */
export async function recordRelation(em: EntityManager, input: RecordRelation): Promise<ResidentRelationEntity> {
  new InputCheck()
    .text('input.consentReference', input.consentReference, { max: 100, optional: input.consentMethod === 'IN_PERSON' })
    .done();
  if (input.relativeId === input.resident.id) throw new BadUserInputError({ field: 'input.relativeId', message: 'must be another resident' });
  const relative = await em.findOne(ResidentEntity, { id: input.relativeId });
  if (!relative || relative.districtId !== input.resident.districtId) throw new BadUserInputError({ field: 'input.relativeId', message: 'no resident with this id in the same district' });
  const row = em.create(ResidentRelationEntity, {
    districtId: input.resident.districtId, residentId: input.resident.id, relativeId: relative.id, kind: input.kind,
    consentMethod: input.consentMethod, consentReference: input.consentReference?.trim() || null, consentedAt: new Date(), recordedBy: input.recordedBy,
  });
  // a mutation runs in its own savepoint, so the refused insert undoes only itself
  await conflictOn(() => em.flush(), () => new ConflictError('这两位居民之间已有有效的亲属关系 / These residents already have a live relation', { reason: 'RELATION_EXISTS' }), 'resident_relation_live_uq');
  return row;
}

/** Whose act ends a relation: the resident withdraws consent, the relative steps back, or staff. */
export type Ender = { by: 'RESIDENT' | 'RELATIVE' | 'STAFF'; accountId: string };

const ALLOWED: Record<Ender['by'], RelationEndValue[]> = {
  RESIDENT: ['CONSENT_WITHDRAWN'],
  RELATIVE: ['RELATIVE_STEPPED_BACK'],
  STAFF: ['CONSENT_WITHDRAWN', 'RELATIVE_STEPPED_BACK', 'RECORDED_IN_ERROR', 'OTHER'],
};

/** Ends a live relation (row-locked: of two concurrent ends one wins, the other is CONFLICT). */
export async function endRelation(em: EntityManager, id: string, reason: RelationEndValue, ender: (row: ResidentRelationEntity) => Promise<Ender>): Promise<ResidentRelationEntity> {
  // lock first, then read the row as the lock holder left it
  const [locked] = await em.execute<{ id: string }[]>('select id from resident_relation where id = ? for update', [id]);
  const row = locked ? await em.findOne(ResidentRelationEntity, { id }, { refresh: true }) : null;
  if (!row) throw new NotFoundError('ResidentRelation');
  const who = await ender(row);
  if (!ALLOWED[who.by].includes(reason)) throw new ForbiddenError(`${reason} is not a reason this caller can give`);
  if (row.endedAt) throw new ConflictError('亲属关系已结束 / The relation has already ended', { reason: 'RELATION_ENDED' });
  row.endedAt = new Date();
  row.endedBy = who.accountId;
  row.endReason = reason;
  await em.flush();
  return row;
}
