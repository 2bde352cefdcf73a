import type { WireRequest } from './sigv4/sigv4';

/** Query API parameters: the form body of a POST plus the query string (GET requests carry them there). */
export function readQueryParams(request: WireRequest): URLSearchParams {
  const queryAt = request.url.indexOf('?');
  const params = new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1));
  if (request.body.length > 0) {
    for (const [key, value] of new URLSearchParams(request.body.toString('utf8')))
      params.append(key, value);
  }
  return params;
}

function memberIndexes(params: URLSearchParams, prefix: string): number[] {
  const indexes = new Set<number>();
  for (const key of params.keys()) {
    if (!key.startsWith(prefix)) continue;
    const m = /^(\d+)(\.|$)/.exec(key.slice(prefix.length));
    if (m?.[1] !== undefined) indexes.add(Number(m[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** `Name.member.1=a&Name.member.2=b` → `['a', 'b']`. */
export function readMemberList(params: URLSearchParams, name: string): string[] {
  const prefix = `${name}.member.`;
  return memberIndexes(params, prefix).map((i) => params.get(`${prefix}${i}`) ?? '');
}

/** `Tags.member.1.Key=k&Tags.member.1.Value=v` → `[{ Key: 'k', Value: 'v' }]` (absent fields are undefined). */
export function readMemberStructs<F extends string>(
  params: URLSearchParams,
  name: string,
  fields: readonly F[],
): Record<F, string | undefined>[] {
  const prefix = `${name}.member.`;
  return memberIndexes(params, prefix).map((i) => {
    const entries = fields.map(
      (field) => [field, params.get(`${prefix}${i}.${field}`) ?? undefined] as const,
    );
    return Object.fromEntries(entries) as Record<F, string | undefined>;
  });
}
