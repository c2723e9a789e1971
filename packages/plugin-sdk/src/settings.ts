import type { I18n } from './i18n';
import type { FieldProblem } from './errors';

/** One typed, defaulted, validated setting a district can change. */
export interface SettingSpec<T> {
  kind: 'int' | 'number' | 'boolean' | 'string' | 'time' | 'enum' | 'json';
  title: I18n;
  default: T;
  /** Returns a problem message, or null when the value is acceptable. */
  check(value: unknown): string | null;
}

type Base<T> = { title: I18n; default: T };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const setting = {
  int(o: Base<number> & { min?: number; max?: number }): SettingSpec<number> {
    return {
      kind: 'int', title: o.title, default: o.default,
      check: (v) =>
        !isInt(v) ? 'must be an integer'
          : o.min !== undefined && v < o.min ? `must be at least ${o.min}`
          : o.max !== undefined && v > o.max ? `must be at most ${o.max}` : null,
    };
  },
  number(o: Base<number> & { min?: number; max?: number }): SettingSpec<number> {
    return {
      kind: 'number', title: o.title, default: o.default,
      check: (v) =>
        typeof v !== 'number' || !Number.isFinite(v) ? 'must be a number'
          : o.min !== undefined && v < o.min ? `must be at least ${o.min}`
          : o.max !== undefined && v > o.max ? `must be at most ${o.max}` : null,
    };
  },
  boolean(o: Base<boolean>): SettingSpec<boolean> {
    return { kind: 'boolean', title: o.title, default: o.default, check: (v) => (typeof v === 'boolean' ? null : 'must be true or false') };
  },
  string(o: Base<string> & { pattern?: RegExp; maxLength?: number }): SettingSpec<string> {
    return {
      kind: 'string', title: o.title, default: o.default,
      check: (v) =>
        typeof v !== 'string' ? 'must be a string'
          : o.maxLength !== undefined && v.length > o.maxLength ? `must be at most ${o.maxLength} characters`
          : o.pattern && !o.pattern.test(v) ? `must match ${o.pattern}` : null,
    };
  },
  /** A wall-clock time `HH:mm` (Asia/Shanghai is the districts' time zone). */
  time(o: Base<string>): SettingSpec<string> {
    return {
      kind: 'time', title: o.title, default: o.default,
      check: (v) => (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'must be a time HH:mm'),
    };
  },
  enumOf<T extends string>(values: readonly T[], o: Base<T>): SettingSpec<T> {
    return {
      kind: 'enum', title: o.title, default: o.default,
      check: (v) => (values.includes(v as T) ? null : `must be one of ${values.join(', ')}`),
    };
  },
  /** Structured value; `check` validates its shape. */
  json<T>(o: Base<T> & { check: (v: unknown) => string | null }): SettingSpec<T> {
    return { kind: 'json', title: o.title, default: o.default, check: o.check };
  },
};

export type SettingsSpecs = Record<string, SettingSpec<unknown>>;

export interface SettingsDefinition<S extends SettingsSpecs = SettingsSpecs> {
  readonly specs: S;
}

export type SettingsOf<D> = D extends SettingsDefinition<infer S>
  ? { [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never }
  : never;

export function defineSettings<S extends SettingsSpecs>(specs: S): SettingsDefinition<S> {
  for (const [key, spec] of Object.entries(specs)) {
    const problem = spec.check(spec.default);
    if (problem) throw new Error(`Default of setting "${key}" ${problem}`);
  }
  return { specs };
}

/** Checks a partial update; unknown keys are problems too. `path` prefixes field paths. */
export function validateSettings(def: SettingsDefinition, values: Record<string, unknown>, path = 'values'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const spec = def.specs[key];
    if (!spec) {
      problems.push({ field: `${path}.${key}`, message: 'is not a setting of this program' });
      continue;
    }
    const message = spec.check(value);
    if (message) problems.push({ field: `${path}.${key}`, message });
  }
  return problems;
}

/** Stored values over defaults; stored values that no longer validate fall back to the default. */
export function resolveSettings<D extends SettingsDefinition>(def: D, stored: Record<string, unknown> | null | undefined): SettingsOf<D> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(def.specs)) {
    const v = stored?.[key];
    out[key] = v !== undefined && spec.check(v) === null ? v : spec.default;
  }
  return out as SettingsOf<D>;
}
