/**
 * A small IAM policy evaluator: enough of the language for the statements Elevate writes (session
 * policies, the revocation deny) — Effect, Action (with `*` and `?` wildcards, case-insensitive),
 * Resource `*`, and conditions with String/Date operators on a few global keys. Anything else in a
 * document is refused when it is written, so a test can never pass on a statement nobody evaluated.
 */

export interface RequestContext {
  /** `service:Action`, e.g. `iam:GetRole`. */
  action: string;
  now: Date;
  /** Session tags by key. */
  principalTags: ReadonlyMap<string, string>;
  tokenIssueTime: Date;
  sourceIdentity: string | undefined;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
] as const;
type Operator = (typeof OPERATORS)[number];

const KEY =
  /^(aws:CurrentTime|aws:TokenIssueTime|aws:SourceIdentity|aws:PrincipalTag\/[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128})$/u;

/** Why a document cannot be evaluated; undefined when it can. */
export function unsupportedPolicyReason(document: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return 'not JSON';
  }
  const statement = (parsed as { Statement?: unknown }).Statement;
  if (typeof statement !== 'object' || statement === null) return 'Statement is missing';
  for (const raw of ([] as Record<string, unknown>[]).concat(
    statement as Record<string, unknown>,
  )) {
    if (raw['Effect'] !== 'Allow' && raw['Effect'] !== 'Deny')
      return 'Effect must be Allow or Deny';
    if ('NotAction' in raw || 'NotResource' in raw || 'Principal' in raw)
      return 'NotAction, NotResource and Principal are not supported';
    const resources = ([] as unknown[]).concat(raw['Resource']);
    if (resources.some((r) => r !== '*')) return 'only Resource "*" is supported';
    const condition = raw['Condition'] as Record<string, Record<string, unknown>> | undefined;
    for (const [operator, pairs] of Object.entries(condition ?? {})) {
      if (!(OPERATORS as readonly string[]).includes(operator))
        return `unsupported operator ${operator}`;
      for (const key of Object.keys(pairs))
        if (!KEY.test(key)) return `unsupported condition key ${key}`;
    }
  }
  return undefined;
}

const glob = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );

const matchesAction = (statement: Statement, action: string): boolean =>
  ([] as string[]).concat(statement.Action).some((pattern) => glob(pattern).test(action));

function valueOf(key: string, context: RequestContext): string | undefined {
  if (key === 'aws:CurrentTime') return context.now.toISOString();
  if (key === 'aws:TokenIssueTime') return context.tokenIssueTime.toISOString();
  if (key === 'aws:SourceIdentity') return context.sourceIdentity;
  // Tag keys compare case-insensitively in IAM.
  const tag = key.slice('aws:PrincipalTag/'.length).toLowerCase();
  for (const [k, v] of context.principalTags) if (k.toLowerCase() === tag) return v;
  return undefined;
}

function test(operator: Operator, actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return operator === 'StringNotEquals';
  switch (operator) {
    case 'StringEquals':
      return actual === expected;
    case 'StringNotEquals':
      return actual !== expected;
    case 'StringLike':
      return glob(expected).test(actual);
    case 'DateLessThan':
      return Date.parse(actual) < Date.parse(expected);
    case 'DateLessThanEquals':
      return Date.parse(actual) <= Date.parse(expected);
    case 'DateGreaterThan':
      return Date.parse(actual) > Date.parse(expected);
    case 'DateGreaterThanEquals':
      return Date.parse(actual) >= Date.parse(expected);
  }
}

/** Every operator and every key must hold; within one key, any of its values (AWS's AND/OR rule). */
const conditionsHold = (statement: Statement, context: RequestContext): boolean =>
  Object.entries(statement.Condition ?? {}).every(([operator, pairs]) =>
    Object.entries(pairs).every(([key, values]) =>
      ([] as string[])
        .concat(values)
        .some((value) => test(operator as Operator, valueOf(key, context), value)),
    ),
  );

const statementsOf = (document: string): Statement[] =>
  ([] as Statement[]).concat(
    (JSON.parse(document) as { Statement: Statement | Statement[] }).Statement,
  );

/** A statement with this effect applies to the request. */
export function hasApplicable(
  document: string,
  effect: 'Allow' | 'Deny',
  context: RequestContext,
): boolean {
  return statementsOf(document).some(
    (statement) =>
      statement.Effect === effect &&
      matchesAction(statement, context.action) &&
      conditionsHold(statement, context),
  );
}
