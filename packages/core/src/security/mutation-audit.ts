import { Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { CoreContext } from '../graphql/core-context';
import type { AuditEntry } from './audit';

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);

/** One audit entry per root field of a mutation: who, what, outcome (variables are not stored: they may hold personal data). */
export function mutationAudit(ctx: CoreContext, document: DocumentNode, errors: readonly GraphQLError[]): AuditEntry[] {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.operation !== 'mutation') return [];
  return op.selectionSet.selections.flatMap((sel) => {
    if (sel.kind !== Kind.FIELD) return [];
    const key = sel.alias?.value ?? sel.name.value;
    const error = errors.find((e) => e.path?.[0] === key) ?? (errors.length && !errors.some((e) => e.path) ? errors[0] : undefined);
    const code = error?.extensions?.code as string | undefined;
    if (['login', 'refreshSession', 'logout', 'grantRole', 'revokeRole'].includes(sel.name.value)) return []; // audited by the identity service
    return [{
      accountId: ctx.actor?.accountId ?? null,
      actor: ctx.actor?.displayName ?? null,
      action: `mutation.${sel.name.value}`,
      districtId: ctx.auth.districts === '*' || ctx.auth.districts.length !== 1 ? null : ctx.auth.districts[0],
      outcome: !error ? 'SUCCESS' : code && DENIED.has(code) ? 'DENIED' : 'FAILURE',
      detail: error ? { code: code ?? 'INTERNAL_SERVER_ERROR' } : null,
      requestId: ctx.requestId,
    } satisfies AuditEntry];
  });
}
