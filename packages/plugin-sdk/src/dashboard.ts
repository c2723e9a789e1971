import type { EntityManager } from '@mikro-orm/core';
import type { I18n } from './i18n';
import type { ScopeNode } from './context';

/** One figure on a dashboard: a key, a label and a number. */
export interface DashboardFigure {
  key: string;
  label: I18n;
  value: number;
}

/** A program's section of a district dashboard; computed in SQL for a tree node. */
export interface DashboardSection {
  title: I18n;
  compute(em: EntityManager, node: ScopeNode): Promise<DashboardFigure[]>;
}
