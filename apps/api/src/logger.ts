// Logging through Powertools for AWS Lambda's Logger: one JSON object per line, the Lambda context
// (function name, request id, cold start, X-Ray trace id) on every line of an invocation, and
// redaction applied by its JSON replacer at every depth. The line keeps Elevate's field names
// (`level`, `time`, `msg`), which the docs and the tests read.
import { Logger as PowertoolsLogger, LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import type { Context } from 'aws-lambda';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
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
  /** In Lambda, at the start of each invocation: its context goes on every line until the next. */
  addLambdaContext(context: LambdaContextFields): void;
}

/** What a log line takes from the Lambda context (hono's adapter types its own copy of it). */
export type LambdaContextFields = Pick<
  Context,
  'functionName' | 'functionVersion' | 'invokedFunctionArn' | 'memoryLimitInMB' | 'awsRequestId'
>;

/** The service name on every line and the metrics' `service` dimension. */
export const SERVICE_NAME = 'elevate';

/** Field names that must never carry a value into a log line, at any depth, whoever passes them. */
const SECRET_FIELD = /authorization|token|secret|password|cookie|credential|signin/i;

const redact = (key: string, value: unknown): unknown =>
  key !== '' && SECRET_FIELD.test(key) && value !== undefined ? '[redacted]' : value;

/** Elevate's line shape with Powertools' Lambda fields (present only inside an invocation). */
class ElevateLogFormatter extends LogFormatter {
  constructor(private readonly now: (() => Date) | undefined) {
    super();
  }

  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        level: attributes.logLevel.toLowerCase(),
        time: (this.now?.() ?? attributes.timestamp).toISOString(),
        msg: attributes.message,
        ...(context === undefined
          ? {}
          : {
              service: attributes.serviceName,
              function_name: context.functionName,
              function_request_id: context.awsRequestId,
              cold_start: context.coldStart,
              xray_trace_id: attributes.xRayTraceId,
            }),
      },
    }).addAttributes(additional);
  }
}

const POWERTOOLS_LEVEL = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  silent: 'SILENT',
} as const;

/** Powertools prints through a Console of its own on stdout; tests and benches pass `write`. */
function redirect(logger: PowertoolsLogger, write: ((line: string) => void) | undefined): void {
  if (write === undefined) return;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') write(line);
      done();
    },
  });
  // `console` is Powertools' private printer; replacing it is the one way to capture its lines.
  Object.assign(logger, { console: new Console({ stdout: sink, stderr: sink }) });
}

/**
 * A child is the same Powertools logger with fields of its own added to each line: one is made per
 * request, and a Powertools `createChild` (a whole new logger) costs milliseconds each.
 */
function wrap(logger: PowertoolsLogger, base: LogFields): Logger {
  const merged = (fields: LogFields | undefined): LogFields => ({ ...base, ...fields });
  return {
    debug: (message, fields) => logger.debug(message, merged(fields)),
    info: (message, fields) => logger.info(message, merged(fields)),
    warn: (message, fields) => logger.warn(message, merged(fields)),
    error: (message, fields) => logger.error(message, merged(fields)),
    child: (fields) => wrap(logger, merged(fields)),
    // Powertools reads only these fields of the context (and is typed for the whole of it).
    addLambdaContext: (context) => logger.addContext(context as Context),
  };
}

export function createJsonLogger(options: {
  level: LogLevel;
  /** Where lines go (default stdout); tests capture them here. */
  write?: (line: string) => void;
  /** The clock for `time` (default Powertools' own). */
  now?: () => Date;
  fields?: LogFields;
}): Logger {
  const logger = new PowertoolsLogger({
    serviceName: SERVICE_NAME,
    logLevel: POWERTOOLS_LEVEL[options.level],
    logFormatter: new ElevateLogFormatter(options.now),
    jsonReplacerFn: redact,
    ...(options.fields === undefined ? {} : { persistentKeys: options.fields }),
  });
  redirect(logger, options.write);
  return wrap(logger, {});
}

/**
 * The logger for lines about a change to `request` seen on the table's stream (notifier, revoker):
 * with the correlation id of the API call that made it, when a call did (its latest history event).
 */
export function withCallOf(
  request: { readonly history: readonly { readonly correlationId?: string }[] },
  logger: Logger,
): Logger {
  const correlationId = request.history.at(-1)?.correlationId;
  return correlationId === undefined ? logger : logger.child({ correlationId });
}

/** What an unexpected error contributes to a log line: its kind and where, for an operator. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error)
    return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: typeof error };
}
