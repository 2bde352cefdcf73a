import type { LogLevel } from './config';

export type LogFields = Record<string, unknown>;

/** Structured logging: one JSON object per line. Callers pass fields, never headers or tokens. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line, e.g. the correlation id. */
  child(fields: LogFields): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names that must never carry a value into a log line, whoever passes them. */
const SECRET_FIELD = /authorization|token|secret|password|cookie|credential|signin/i;

export function createJsonLogger(options: {
  level: LogLevel;
  /** Where lines go; tests capture them here. */
  write?: (line: string) => void;
  now?: () => Date;
  fields?: LogFields;
}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};
  const emit = (level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}) => {
    if (rank[level] < rank[options.level]) return;
    const entries = Object.entries({ ...base, ...fields }).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) ? '[redacted]' : value,
    ]);
    write(
      JSON.stringify({
        level,
        time: now().toISOString(),
        msg: message,
        ...Object.fromEntries(entries),
      }),
    );
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createJsonLogger({ ...options, write, now, fields: { ...base, ...fields } }),
  };
}

/** What an unexpected error contributes to a log line: its kind and where, for an operator. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error)
    return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: typeof error };
}
