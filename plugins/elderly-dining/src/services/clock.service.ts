import { badInput } from '@gongzhi/plugin-sdk';
import { Weekday, WEEKDAYS } from '../graphql/dining-enums.type';

/** Source of "now" for every rule of the program; tests replace it with `setDiningClock`. */
let nowFn: () => Date = () => new Date();

export function diningNow(): Date {
  return nowFn();
}

export function setDiningClock(fn: (() => Date) | null): void {
  nowFn = fn ?? (() => new Date());
}

/** Districts live on Asia/Shanghai time: UTC+8 all year, no daylight saving. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(at: Date = diningNow()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time `HH:mm` on `date`. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a YYYY-MM-DD calendar date (dates arrive as strings from LocalDate). */
export function checkDate(value: unknown, field: string): string {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!DATE.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
    throw badInput(field, 'must be a date YYYY-MM-DD');
  }
  return s;
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** Age in full years on `today` for a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string | Date, today: string): number {
  const b = birthDate instanceof Date ? birthDate.toISOString().slice(0, 10) : String(birthDate).slice(0, 10);
  const [by, bm, bd] = b.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** `YYYY-MM` → [first day, first day of the next month). */
export function monthRange(month: string, field: string): [string, string] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput(field, 'must be a month YYYY-MM');
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

export function checkTime(value: string, field: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw badInput(field, 'must be a time HH:mm');
  return value;
}
