import type { DomainEvent } from '@gongzhi/plugin-sdk';

export interface OutboxRow {
  seq: string;
  name: string;
  program: string;
  district_id: string;
  street_id: string | null;
  community_id: string | null;
  payload: unknown;
  version: string;
  occurred_at: Date | string;
}

export const OUTBOX_COLUMNS = 'seq::text as seq, name, program, district_id, street_id, community_id, version, payload, occurred_at';

export function toDomainEvent(r: OutboxRow): DomainEvent {
  return {
    id: r.seq,
    name: r.name,
    program: r.program,
    version: r.version,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    payload: r.payload,
    occurredAt: new Date(r.occurred_at),
  };
}
