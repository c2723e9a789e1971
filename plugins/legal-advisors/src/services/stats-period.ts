import { addMonths, badInput, instantOf, type LocalDateString } from '@gongzhi/plugin-sdk';

/** A reporting period of the district's calendar: `[from, to)` as dates and as instants. */
export interface StatsPeriod {
  /** As asked: `2026`, `2026-Q3` or `2026-07`. */
  label: string;
  from: LocalDateString;
  /** The day after the period's last day. */
  to: LocalDateString;
  startsAt: Date;
  endsAt: Date;
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** `YYYY` (a year), `YYYY-Qn` (a quarter) or `YYYY-MM` (a month), Asia/Shanghai; else BAD_USER_INPUT at `field`. */
export function parsePeriod(value: string, field = 'period'): StatsPeriod {
  const m = PERIOD.exec(value);
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) throw badInput(field, 'must be a year YYYY, a quarter YYYY-Qn or a month YYYY-MM');
  const [, year, quarter, month] = m;
  const firstMonth = quarter ? (Number(quarter) - 1) * 3 + 1 : month ? Number(month) : 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const to = addMonths(from, quarter ? 3 : month ? 1 : 12);
  return { label: value, from, to, startsAt: instantOf(from, '00:00'), endsAt: instantOf(to, '00:00') };
}
