import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';
import { requestLog } from './request-log';

/** An app that answers `status` with error code `code`, logging into `lines`. */
function appAnswering(status: 200 | 500 | 503, code?: string) {
  const lines: { level: string; fields: Record<string, unknown> | undefined }[] = [];
  const at =
    (level: string) =>
    (_message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, fields });
    };
  const logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  } as unknown as Logger;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('logger', logger);
    await next();
  });
  app.use(requestLog(() => new Date(0)));
  app.get('/work', (c) => {
    if (code !== undefined) c.set('errorCode', code);
    return c.body(null, status);
  });
  return { app, lines };
}

describe('the request log', () => {
  it.each([
    [200, undefined, 'info'],
    [500, 'INTERNAL', 'error'],
    [503, 'STORE_UNAVAILABLE', 'error'],
    // Shedding is the process protecting itself under load, not a fault to page anyone about.
    [503, 'OVERLOADED', 'warn'],
  ] as const)('logs a %i %s at %s', async (status, code, level) => {
    const { app, lines } = appAnswering(status, code);
    await app.request('/work');
    expect(lines).toEqual([
      {
        level,
        fields: expect.objectContaining({ status, ...(code === undefined ? {} : { code }) }),
      },
    ]);
  });
});
