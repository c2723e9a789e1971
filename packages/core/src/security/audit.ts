import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AuditOutcome } from '../entities/audit-log.entity';
import type { Logger } from '../util/logger';

export interface AuditEntry {
  accountId: string | null;
  actor: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  districtId?: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Inserts entries on `em`'s connection (the request transaction, or the writer's own), in one statement however many. */
export async function insertAuditEntries(em: EntityManager, list: AuditEntry[]): Promise<void> {
  if (!list.length) return;
  const rows = list.map((e) => ({
    account_id: e.accountId, actor: e.actor, action: e.action, object_type: e.objectType ?? null, object_id: e.objectId ?? null,
    district_id: e.districtId ?? null, outcome: e.outcome, detail: e.detail ?? null, request_id: e.requestId ?? null,
  }));
  await em.execute(
    `insert into audit_log (account_id, actor, action, object_type, object_id, district_id, outcome, detail, request_id)
     select r.account_id, r.actor, r.action, r.object_type, r.object_id, r.district_id, r.outcome, r.detail, r.request_id
       from jsonb_to_recordset(?::jsonb) as r(account_id uuid, actor text, action text, object_type text, object_id text,
         district_id uuid, outcome text, detail jsonb, request_id text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Writes audit entries in their own short transaction, as the app role (which may only
 * INSERT and SELECT), so an entry survives the rollback of the request it describes.
 * Appending needs no tenant setting (the audit_append policy takes any row).
 */
export class AuditWriter {
  constructor(private readonly orm: MikroORM, private readonly log: Logger) {}

  async write(entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    try {
      await this.orm.em.fork().transactional(async (tx) => {
        await tx.execute(`set local role gongzhi_app`);
        await insertAuditEntries(tx, list);
      });
    } catch (err) {
      this.log.error('audit write failed', { error: String(err), actions: list.map((e) => e.action) });
      throw err;
    }
  }
}
