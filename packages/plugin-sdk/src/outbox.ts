import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** A row of `outbox_event`: written by `emit` in the caller's unit of work, sequenced by the host after commit. */
export interface OutboxRecord {
  [OptionalProps]?: 'id' | 'seq' | 'occurredAt';
  id: string;
  seq: string | null;
  name: string;
  program: string;
  version: string;
  districtId: string;
  streetId: string | null;
  communityId: string | null;
  payload: unknown;
  occurredAt: Date;
}

/** The outbox's mapping lives with `emit` so emitting is typed, not an entity looked up by name. */
export const OutboxEventSchema = new EntitySchema<OutboxRecord>({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    seq: { type: 'bigint', nullable: true },
    name: { type: 'text' },
    program: { type: 'text' },
    version: { type: 'text' },
    districtId: { type: 'uuid' },
    streetId: { type: 'uuid', nullable: true },
    communityId: { type: 'uuid', nullable: true },
    payload: { type: 'json' },
    occurredAt: { type: 'datetime', onCreate: () => new Date() },
  },
});
