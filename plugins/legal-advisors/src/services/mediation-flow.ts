import { MediationOutcome, MediationStatus as S } from '../graphql/mediation-enums.type';

/** Every step of a mediation case, and from which states it may be taken. */
export const MEDIATION_STEPS = {
  /** A session held: an open case goes into mediation. */
  recordSession: { from: [S.OPEN, S.IN_MEDIATION] },
  /** An outcome needs a session held first. */
  conclude: { from: [S.IN_MEDIATION] },
  withdraw: { from: [S.OPEN, S.IN_MEDIATION] },
} as const satisfies Record<string, { from: readonly S[] }>;

export type MediationStep = keyof typeof MEDIATION_STEPS;

export const mediationAllows = (step: MediationStep, status: S): boolean => (MEDIATION_STEPS[step].from as readonly S[]).includes(status);

/** The state an outcome leaves the case in. */
export const OUTCOME_STATUS: Record<MediationOutcome, S> = {
  [MediationOutcome.AGREED]: S.AGREED, [MediationOutcome.NO_AGREEMENT]: S.NO_AGREEMENT, [MediationOutcome.REFERRED]: S.REFERRED,
};
