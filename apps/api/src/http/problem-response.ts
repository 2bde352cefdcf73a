import { PROBLEM_CONTENT_TYPE } from '@elevate/contracts';
import type { Problem, ProblemCode } from '@elevate/contracts';
import { problemType } from './problem-catalog';
import type { ProblemKind } from './problem-catalog';

/** An RFC 9457 response; `extra` carries the optional members (`errors`, `correlationId`, `maxAuthAgeSeconds`). */
export function problemResponse(
  code: ProblemCode,
  kind: ProblemKind,
  detail: string | undefined,
  extra: Pick<Problem, 'errors' | 'correlationId' | 'maxAuthAgeSeconds'> = {},
  headers: Record<string, string> = {},
): Response {
  const problem: Problem = {
    type: problemType(code),
    title: kind.title,
    status: kind.status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
  return new Response(JSON.stringify(problem), {
    status: kind.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}
