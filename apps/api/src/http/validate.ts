import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import type { FieldError } from '@elevate/contracts';

/** Parses a JSON body against a contracts schema; 415/400 with field paths when it does not fit. */
export async function parseJsonBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError('MALFORMED_JSON', 'The body is not valid JSON.');
  }
  return parseInput(schema, body);
}

/** Parses the query string (first value per name) against a schema. */
export function parseQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query());
}

/** Validates any input; failures become one 400 listing every field's problem. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ApiError(
    'VALIDATION_FAILED',
    `The request has ${errors.length} invalid field(s).`,
    errors,
  );
}
