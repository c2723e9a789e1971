import { ConsultationStatus as S } from '../graphql/legal-enums.type';

/** Every step of a consultation's workflow, from which states it may be taken, and where it leads. */
export const STEPS = {
  schedule: { from: [S.REQUESTED, S.SCHEDULED], to: S.SCHEDULED },
  start: { from: [S.REQUESTED, S.SCHEDULED], to: S.IN_PROGRESS },
  resolve: { from: [S.IN_PROGRESS], to: S.RESOLVED },
  refer: { from: [S.IN_PROGRESS], to: S.REFERRED },
  rate: { from: [S.RESOLVED, S.REFERRED], to: S.CLOSED },
} as const satisfies Record<string, { from: readonly S[]; to: S }>;

export type Step = keyof typeof STEPS;

/** Whether `step` may be taken from `status`. */
export const allowedFrom = (step: Step, status: S): boolean => (STEPS[step].from as readonly S[]).includes(status);
