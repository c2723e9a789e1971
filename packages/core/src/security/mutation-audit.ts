import { Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CoreContext } from '../graphql/core-context';
import { insertAuditEntries, type AuditEntry } from './audit';

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);
/** Audited by the identity service itself. */
const SELF_AUDITED = new Set(['login', 'refreshSession', 'logout', 'grantRole', 'revokeRole', 'disableAccount', 'enableAccount']);

/**
 * The audit entries of one root mutation field: who, what, outcome, and the detail the
 * field declared (variables are not stored: they may hold personal data). Filed under every
 * district the operation was checked at (whoever the caller: a platform admin or a
 * multi-district account too); a refused attempt also under the caller's own districts.
 */
export function fieldAudit(ctx: CoreContext, field: string, error: Pick<GraphQLError, 'extensions'> | null | undefined): AuditEntry[] {
  if (SELF_AUDITED.has(field)) return [];
  const code = error ? ((error.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR') : undefined;
  const outcome = !error ? 'SUCCESS' : DENIED.has(code!) ? 'DENIED' : 'FAILURE';
  const own = ctx.auth.districts === '*' ? [] : ctx.auth.districts;
  const districts = new Set([...ctx.auth.touched, ...(outcome === 'SUCCESS' ? [] : own)]);
  if (!districts.size && own.length === 1) districts.add(own[0]);
  const declared = ctx.auditDetail.get(field);
  const detail = error || declared ? { ...declared, ...(code ? { code } : {}) } : null;
  return [...(districts.size ? districts : [null])].map((districtId) => ({
    accountId: ctx.actor?.accountId ?? null,
    actor: ctx.actor?.displayName ?? null,
    action: `mutation.${field}`,
    districtId,
    outcome,
    detail,
    requestId: ctx.requestId,
  } satisfies AuditEntry));
}

/**
 * Runs a root mutation field and files its audit entries inside the request transaction
 * (no transaction of their own). If that transaction then fails to commit, the entries are
 * lost with it and `mutationAudit` writes them as FAILURE on their own.
 */
export async function auditedInTransaction<T>(ctx: CoreContext, key: string, field: string, run: () => Promise<T>): Promise<T> {
  const em = ctx.em as unknown as EntityManager;
  const file = async (error: Pick<GraphQLError, 'extensions'> | null) => {
    if (!em.isInTransaction()) return;
    try {
      await insertAuditEntries(em, fieldAudit(ctx, field, error));
      ctx.auditedInTransaction.add(key);
    } catch {
      // left unmarked: the transaction is broken, will not commit, and the writer files the entries
    }
  };
  let result: T;
  try {
    result = await run();
  } catch (e) {
    await file(e as GraphQLError);
    throw e;
  }
  await file(null);
  return result;
}

/**
 * Entries for the root fields of a mutation not yet filed in the request transaction
 * (all of them when `failure`: the transaction's rows are gone).
 */
export function mutationAudit(ctx: CoreContext, document: DocumentNode, errors: readonly GraphQLError[], failure: GraphQLError | null = null): AuditEntry[] {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.operation !== 'mutation') return [];
  return op.selectionSet.selections.flatMap((sel) => {
    if (sel.kind !== Kind.FIELD) return [];
    const key = sel.alias?.value ?? sel.name.value;
    if (!failure && ctx.auditedInTransaction.has(key)) return [];
    const error = failure ?? errors.find((e) => e.path?.[0] === key) ?? (errors.length && !errors.some((e) => e.path) ? errors[0] : undefined);
    return fieldAudit(ctx, sel.name.value, error);
  });
}
