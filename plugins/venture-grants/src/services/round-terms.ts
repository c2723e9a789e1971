import { InputCheck, isValidDate } from '@gongzhi/plugin-sdk';
import { VentureCategory, type VentureRoundPhase } from '../graphql/grant-enums.type';
import { DATED_PHASES, OPTIONAL_PHASES } from './phase-rules';

/** The most a round may hold, in fen: 20 million yuan, so every figure of a round fits a GraphQL Int. */
export const MAX_BUDGET_FEN = 2_000_000_000;

export interface PhaseDates { phase: VentureRoundPhase; startsOn: string; endsOn: string }

export interface RoundTerms {
  name: string;
  year: number;
  budgetFen: number;
  projectCapFen: number;
  categories: VentureCategory[];
  centralTask?: string | null;
  schedule: PhaseDates[];
}

function checkSchedule(check: InputCheck, schedule: PhaseDates[]): void {
  schedule.forEach((p, i) => {
    check.check(isValidDate(p.startsOn), `input.terms.schedule.${i}.startsOn`, 'must be a date YYYY-MM-DD')
      .check(isValidDate(p.endsOn) && p.endsOn >= p.startsOn, `input.terms.schedule.${i}.endsOn`, 'must be a date YYYY-MM-DD on or after startsOn');
  });
  const phases = schedule.map((p) => p.phase);
  const missing = DATED_PHASES.filter((p) => !OPTIONAL_PHASES.includes(p) && !phases.includes(p));
  check.check(!missing.length, 'input.terms.schedule', `lacks ${missing.join(', ')}`)
    .check(new Set(phases).size === phases.length, 'input.terms.schedule', 'names a phase twice');
  const ordered = [...schedule].sort((a, b) => DATED_PHASES.indexOf(a.phase as never) - DATED_PHASES.indexOf(b.phase as never));
  for (let i = 1; i < ordered.length; i++) {
    check.check(ordered[i].startsOn > ordered[i - 1].endsOn, `input.terms.schedule.${schedule.indexOf(ordered[i])}.startsOn`,
      `must be after the last day of ${ordered[i - 1].phase}: phases run in order and never share a day`);
  }
}

/** Every problem of a round's terms at once (BAD_USER_INPUT with each field path). */
export function checkRoundTerms(t: RoundTerms): void {
  const check = new InputCheck()
    .text('input.terms.name', t.name, { max: 100 })
    .int('input.terms.year', t.year, { min: 2000, max: 2100 })
    .int('input.terms.budgetFen', t.budgetFen, { min: 1, max: MAX_BUDGET_FEN })
    .int('input.terms.projectCapFen', t.projectCapFen, { min: 1, max: Math.max(1, Math.min(t.budgetFen, MAX_BUDGET_FEN)) })
    .check(t.categories.length > 0 && new Set(t.categories).size === t.categories.length, 'input.terms.categories', 'must name each category once, at least one');
  const central = t.categories.includes(VentureCategory.CENTRAL_TASK);
  if (central) check.text('input.terms.centralTask', t.centralTask, { max: 200 });
  else check.check(t.centralTask == null, 'input.terms.centralTask', 'is only given with the CENTRAL_TASK category');
  checkSchedule(check, t.schedule);
  check.done();
}
