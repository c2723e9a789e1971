import { describeError, scrubMessage } from './error-shape';

/** Structured one-line JSON logs on stderr; enough for a gateway behind a log shipper. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Every line is one JSON object. Errors never carry personal data: an `Error` is logged
 * by shape (`describeError`), an `error` string has its statement shaped and quoted values
 * removed — driver messages inline the row's values.
 */
export function createLogger(level: Level = 'info', sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const log = (lvl: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[lvl] < order[level]) return;
    const safe: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (v instanceof Error) Object.assign(safe, describeError(v));
      else safe[k] = k === 'error' && typeof v === 'string' ? scrubMessage(v) : v;
    }
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...safe }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
