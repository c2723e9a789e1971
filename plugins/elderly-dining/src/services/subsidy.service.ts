import { SubsidyTier } from '../graphql/dining-enums.type';
import type { SettingsOf } from '@gongzhi/plugin-sdk';
import type { diningSettings } from '../settings';

export interface EligibilityFacts {
  age80: boolean;
  lowIncome: boolean;
  extremePoverty: boolean;
  disabled: boolean;
  livingAlone: boolean;
}

export interface Subsidy {
  tier: SubsidyTier | null;
  /** Subsidy per meal in fen, never above the price. */
  subsidyFen: number;
  payableFen: number;
}

/** Tiers an elder qualifies for, with the district's current amount per meal. */
export function applicableTiers(facts: EligibilityFacts, s: SettingsOf<typeof diningSettings>): [SubsidyTier, number][] {
  const all: [SubsidyTier, boolean, number][] = [
    [SubsidyTier.EXTREME_POVERTY, facts.extremePoverty, s.subsidyExtremePoverty],
    [SubsidyTier.LOW_INCOME, facts.lowIncome, s.subsidyLowIncome],
    [SubsidyTier.DISABLED, facts.disabled, s.subsidyDisabled],
    [SubsidyTier.AGE_80, facts.age80, s.subsidyAge80],
    [SubsidyTier.LIVING_ALONE, facts.livingAlone, s.subsidyLivingAlone],
  ];
  return all.filter(([, applies]) => applies).map(([tier, , fen]) => [tier, fen]);
}

/** The best applicable tier wins (highest amount; ties keep the order above); capped at the price. */
export function computeSubsidy(facts: EligibilityFacts, s: SettingsOf<typeof diningSettings>, priceFen: number): Subsidy {
  let best: [SubsidyTier, number] | null = null;
  for (const t of applicableTiers(facts, s)) if (!best || t[1] > best[1]) best = t;
  if (!best || best[1] === 0) return { tier: null, subsidyFen: 0, payableFen: priceFen };
  const subsidyFen = Math.min(best[1], priceFen);
  return { tier: best[0], subsidyFen, payableFen: priceFen - subsidyFen };
}
