import { Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { CoreContext } from '../graphql/core-context';
import type { AuditEntry } from './audit';

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);

/**
 * Audit entries per root field of a mutation: who, what, outcome, and the detail the field
 * declared (variables are not stored: they may hold personal data). Filed under every
 * district the operation was checked at (whoever the caller: a platform admin or a
 * multi-district account too); a refused attempt also under the caller's own districts.
 */
export function mutationAudit(ctx: CoreContext, document: DocumentNode, errors: readonly GraphQLError[]): AuditEntry[] {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.operation !== 'mutation') return [];
  return op.selectionSet.selections.flatMap((sel) => {
    if (sel.kind !== Kind.FIELD) return [];
    const key = sel.alias?.value ?? sel.name.value;
    const error = errors.find((e) => e.path?.[0] === key) ?? (errors.length && !errors.some((e) => e.path) ? errors[0] : undefined);
    const code = error?.extensions?.code as string | undefined;
    if (['login', 'refreshSession', 'logout', 'grantRole', 'revokeRole'].includes(sel.name.value)) return []; // audited by the identity service
    const outcome = !error ? 'SUCCESS' : code && DENIED.has(code) ? 'DENIED' : 'FAILURE';
    const own = ctx.auth.districts === '*' ? [] : ctx.auth.districts;
    const districts = new Set([...ctx.auth.touched, ...(outcome === 'SUCCESS' ? [] : own)]);
    if (!districts.size && own.length === 1) districts.add(own[0]);
    const declared = ctx.auditDetail.get(sel.name.value);
    const detail = error || declared ? { ...declared, ...(error ? { code: code ?? 'INTERNAL_SERVER_ERROR' } : {}) } : null;
    return [...(districts.size ? districts : [null])].map((districtId) => ({
      accountId: ctx.actor?.accountId ?? null,
      actor: ctx.actor?.displayName ?? null,
      action: `mutation.${sel.name.value}`,
      districtId,
      outcome,
      detail,
      requestId: ctx.requestId,
    } satisfies AuditEntry));
  });
}
