import { GongzhiError } from '@gongzhi/plugin-sdk';
import { VentureRoundPhase as P } from '../graphql/grant-enums.type';

/** The seven dated phases, in the order a round runs them. */
export const DATED_PHASES = [P.NEEDS, P.APPLICATION, P.REVIEW, P.PUBLIC_VOTE, P.CONTRACTING, P.EXECUTION, P.EVALUATION] as const;
/** A round may go without a public vote; every other phase is part of the practice. */
export const OPTIONAL_PHASES: readonly P[] = [P.PUBLIC_VOTE];

/** Every action of the program and the phases it is allowed in: the one place this is said. */
export const ACTIONS = {
  'round.edit': [P.DRAFT],
  'need.record': [P.NEEDS],
  'need.support': [P.NEEDS],
  'need.assess': [P.NEEDS, P.APPLICATION],
  'application.edit': [P.APPLICATION],
  'vote.cast': [P.PUBLIC_VOTE],
} as const satisfies Record<string, readonly P[]>;

export type Action = keyof typeof ACTIONS;

/** WRONG_PHASE unless the round's phase allows `action`. */
export function requirePhase(phase: P, action: Action): void {
  const allowed = ACTIONS[action] as readonly P[];
  if (!allowed.includes(phase)) {
    throw new GongzhiError('WRONG_PHASE', `${action} is allowed in ${allowed.join(' or ')} only; the round is in ${phase}`,
      { action, phase, allowedIn: allowed });
  }
}

/** The phase after `phase` among the round's scheduled ones (DRAFT → first, last → CLOSED). */
export function nextPhase(phase: P, scheduled: readonly P[]): P | null {
  if (phase === P.CLOSED) return null;
  const order = DATED_PHASES.filter((p) => scheduled.includes(p));
  if (phase === P.DRAFT) return order[0] ?? null;
  const i = order.indexOf(phase as (typeof DATED_PHASES)[number]);
  return order[i + 1] ?? P.CLOSED;
}
