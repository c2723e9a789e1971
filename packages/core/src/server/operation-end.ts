import type { DocumentNode, GraphQLError } from 'graphql';
import type { CoreContext } from '../graphql/core-context';
import type { AuditEntry } from '../security/audit';
import type { Logger } from '../util/logger';
import { mutationAudit } from '../security/mutation-audit';
import { endTenantTransaction } from '../security/tenant-transaction';
import { databaseTrouble, transactionFailed } from './database-errors';
import { describeDatabaseError } from '../util/error-shape';

/**
 * Ends an operation's tenant transaction, HTTP and WebSocket alike: commit when the
 * operation may keep its work, else roll back. Returns the error the client must get
 * instead of the result when the COMMIT failed (nothing was stored), else null.
 */
export async function endOperation(ctx: CoreContext, commit: boolean, log: Logger): Promise<GraphQLError | null> {
  try {
    await endTenantTransaction(ctx.em as never, commit);
    return null;
  } catch (e) {
    await endTenantTransaction(ctx.em as never, false).catch(() => undefined);
    if (!commit) return null; // a failed rollback loses nothing
    log.warn('request transaction did not commit', { requestId: ctx.requestId, ...describeDatabaseError(e) });
    return transactionFailed(databaseTrouble(e), ctx.requestId);
  } finally {
    ctx.services.identity?.settled(ctx.em as never); // account changes of this transaction are visible (or gone) now
  }
}

/**
 * The operation's audit entries: one per mutation root field plus what resolvers queued.
 * After a failed commit every entry says FAILURE, whatever the resolvers thought.
 */
export function operationAudit(ctx: CoreContext, document: DocumentNode, errors: readonly GraphQLError[], failure: GraphQLError | null): AuditEntry[] {
  const queued = ctx.pendingAudit.splice(0);
  if (!failure) return [...mutationAudit(ctx, document, errors), ...queued];
  const detail = { code: failure.extensions.code };
  return [...mutationAudit(ctx, document, [failure], failure), ...queued.map((e) => ({ ...e, outcome: 'FAILURE' as const, detail: { ...e.detail, ...detail } }))];
}
