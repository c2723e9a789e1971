import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql';
import { BadUserInputError } from '@gongzhi/plugin-sdk';

/**
 * Text PostgreSQL cannot store: NUL (U+0000) and lone UTF-16 surrogates. Checked once
 * for every string a client sends — literals in the document and every string inside the
 * variables (String, ID, custom scalars, nested input objects and lists) — before any
 * resolver runs, so no mutation needs its own check.
 */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) return 'must not contain a lone surrogate (invalid UTF-16)';
  return null;
}

/** The first unstorable string in the variables, as BAD_USER_INPUT with its path (`input.name`, `ids.2`). */
export function checkVariableText(variables: Record<string, unknown> | null | undefined): BadUserInputError | null {
  const found = walk(variables ?? {}, '');
  return found && new BadUserInputError({ field: found.path, message: found.problem });
}

function walk(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const key = typeof k === 'string' ? textProblem(k) : null; // an object key reaches JSON columns too
    const here = path ? `${path}.${k}` : String(k);
    if (key) return { path: here, problem: key };
    const found = walk(v, here);
    if (found) return found;
  }
  return null;
}

/** The same check for string literals in the document, as a validation rule (HTTP and WebSocket). */
export const noUnstorableText: ValidationRule = (ctx: ValidationContext): ASTVisitor => ({
  Argument(arg) {
    const found = walkLiteral(arg.value, arg.name.value);
    if (found) ctx.reportError(new GraphQLError(`${found.path}: ${found.problem}`, { nodes: arg, extensions: { code: 'BAD_USER_INPUT', field: found.path, fields: [{ field: found.path, message: found.problem }] } }));
  },
});

function walkLiteral(node: ValueNode, path: string): { path: string; problem: string } | null {
  if (node.kind === Kind.STRING) {
    const problem = textProblem(node.value);
    return problem ? { path, problem } : null;
  }
  if (node.kind === Kind.LIST) {
    for (const [i, v] of node.values.entries()) {
      const found = walkLiteral(v, `${path}.${i}`);
      if (found) return found;
    }
  }
  if (node.kind === Kind.OBJECT) {
    for (const f of node.fields) {
      const found = walkLiteral(f.value, `${path}.${f.name.value}`);
      if (found) return found;
    }
  }
  return null;
}
