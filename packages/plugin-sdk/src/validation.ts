import { BadUserInputError, type FieldProblem } from './errors';

/** GB 11643-1999 citizen identity number: 17 digits + check digit (0-9 or X). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (checks[sum % 11] !== id[17]) return false;
  return isValidDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
}

/** Mainland mobile number: 11 digits starting 13–19. */
export const isValidMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);

/** GB/T 2260 administrative division code: 6 digits, province prefix 11–82. */
export const isValidDivisionCode = (code: string): boolean => /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-2])\d{4}$/.test(code);

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `110101********1234` */
export const maskIdNumber = (id: string): string => (id.length < 10 ? '*'.repeat(id.length) : id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4));
/** `138****5678` */
export const maskPhone = (p: string): string => (p.length < 7 ? '*'.repeat(p.length) : p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4));

/** Collects every problem of an input, then throws one BAD_USER_INPUT listing them all. */
export class InputCheck {
  readonly problems: FieldProblem[] = [];

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.problems.push({ field, message });
    return this;
  }

  text(field: string, value: string | null | undefined, opts: { min?: number; max: number; optional?: boolean }): this {
    if (value == null) return this.check(!!opts.optional, field, 'is required');
    const len = value.trim().length;
    return this.check(len >= (opts.min ?? 1) && value.length <= opts.max, field, `must be ${opts.min ?? 1}–${opts.max} characters`);
  }

  int(field: string, value: number | null | undefined, opts: { min?: number; max?: number; optional?: boolean }): this {
    if (value == null) return this.check(!!opts.optional, field, 'is required');
    const ok = Number.isInteger(value) && (opts.min === undefined || value >= opts.min) && (opts.max === undefined || value <= opts.max);
    return this.check(ok, field, `must be an integer${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}${opts.max !== undefined ? ` ≤ ${opts.max}` : ''}`);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws BAD_USER_INPUT when any check failed. */
  done(): void {
    if (this.problems.length) throw new BadUserInputError(this.problems);
  }
}
