import { GraphQLError } from 'graphql';

/** Error codes a client can branch on (`extensions.code`). Plugins may add their own. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PROGRAM_NOT_ENABLED'
  | (string & {});

/** An expected error: its message and code reach the client unmasked. */
export class GongzhiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'GongzhiError';
  }
}

export interface FieldProblem {
  /** Dotted path of the offending input, e.g. `input.divisionCode`. */
  field: string;
  message: string;
}

export class BadUserInputError extends GongzhiError {
  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super('BAD_USER_INPUT', list.map((p) => `${p.field}: ${p.message}`).join('; '), {
      field: list[0]?.field,
      fields: list,
    });
  }
}

export const badInput = (field: string, message: string) => new BadUserInputError({ field, message });

export class NotFoundError extends GongzhiError {
  constructor(what = 'Object') {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ForbiddenError extends GongzhiError {
  constructor(message = 'Not allowed') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends GongzhiError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ConflictError extends GongzhiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class ProgramNotEnabledError extends GongzhiError {
  constructor(program: string) {
    super('PROGRAM_NOT_ENABLED', `Program "${program}" is not enabled for this district`, { program });
  }
}

/** True for errors whose message may be shown to clients as is. */
export function isExpectedError(e: unknown): e is GongzhiError {
  return e instanceof GongzhiError;
}
