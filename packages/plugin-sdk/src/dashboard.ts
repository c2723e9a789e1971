import type { EntityManager } from '@mikro-orm/core';
import type { I18n } from './i18n';
import type { Clock, ScopeNode } from './context';

/**
 * What a figure's number is, so every page formats it the same way: `fen` is money kept in
 * fen (shown in yuan), `percent` 0–100, `hours` a duration; `count` (the default) a plain number.
 */
export type DashboardUnit = 'count' | 'percent' | 'hours' | 'fen';

/** One figure on a dashboard: a key, a label (without the unit) and a number in its unit. */
export interface DashboardFigure {
  key: string;
  label: I18n;
  value: number;
  unit?: DashboardUnit;
}

/** A program's section of a district dashboard; computed in SQL for a tree node. */
export interface DashboardSection {
  title: I18n;
  /** `clock`: the gateway's "now" (for "today", "this month"). */
  compute(em: EntityManager, node: ScopeNode, host: { clock: Clock }): Promise<DashboardFigure[]>;
}
