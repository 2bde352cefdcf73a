import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { VerifiedIdentity } from '@elevate/adapters';
import {
  activeAccessListSchema,
  meResponseSchema,
  openWindowsResponseSchema,
  policyViewSchema,
  problemSchema,
  insightsResponseSchema,
  requestPageSchema,
  requestViewSchema,
  auditCountSchema,
  auditJsonExportSchema,
} from '@elevate/contracts';
import type { Policy } from '@elevate/domain';
import { apiWorld } from './testing/api-world';
import type { ApiWorld } from './testing/api-world';
import { examplePolicyFromFile, PERSONAS } from '@elevate/testing';
import { approveRequest } from './use-cases/approve-request';
import { createRequest } from './use-cases/create-request';
import { extendRequest } from './use-cases/extend-request';
import { inviteEngineer } from './use-cases/invite-engineer';

// The example policy routes every rule to `reviewers`, so nobody could be a reviewer *not* routed to
// a request. Routing the data-lake rule to its own group makes Dana exactly that.
const policy: Policy = (() => {
  const base = examplePolicyFromFile();
  return {
    ...base,
    rules: base.rules.map((rule) =>
      rule.id === 'data-engineers-data-lake'
        ? { ...rule, approverGroups: ['data-reviewers'] }
        : rule,
    ),
  };
})();

const dana: VerifiedIdentity = {
  sub: '5e8f9a0b-dana',
  email: 'dana@example.com',
  name: 'Dana Data-Reviewer',
  groups: ['data-reviewers', 'engineers'],
  amr: ['pwd', 'mfa'],
};

const COLUMNS = {
  anonymous: undefined,
  requester: PERSONAS.alice,
  otherRequester: PERSONAS.bob,
  routedReviewer: PERSONAS.rita,
  unroutedReviewer: dana,
  auditor: PERSONAS.audrey,
  admin: PERSONAS.ada,
  ineligible: PERSONAS.nina,
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_ORDER = Object.keys(COLUMNS) as Column[];

/** They cannot create a request, so they have no "own" one. */
const NA = 'n/a';
/** One status for an endpoint about no particular request, or [own request, someone else's]. */
type Cell = number | readonly [own: number | typeof NA, other: number];

type Fixture = 'none' | 'pending' | 'approved' | 'breakGlass' | 'extensionPending' | 'invitation';
interface Endpoint {
  method: 'GET' | 'POST';
  path: (id: string) => string;
  fixture: Fixture;
  body?: unknown;
  schema?: z.ZodMiniType;
}

const sandboxBody = {
  accountId: '111111111111',
  roleName: 'PowerUser',
  justification: 'Debug the failing deploy pipeline',
  durationMinutes: 120,
};
const breakGlassBody = {
  accountId: '333333333333',
  roleName: 'Administrator',
  justification: 'Production is down, INC-42 needs a database failover',
  ticket: 'INC-42',
  breakGlass: true,
};
const audit = '/audit/requests?from=2029-12-01T00:00:00Z&to=2030-02-01T00:00:00Z';

const ENDPOINTS = {
  'GET /me': { method: 'GET', path: () => '/me', fixture: 'none', schema: meResponseSchema },
  'GET /policy': {
    method: 'GET',
    path: () => '/policy',
    fixture: 'none',
    schema: policyViewSchema,
  },
  'POST /requests': {
    method: 'POST',
    path: () => '/requests',
    fixture: 'none',
    body: sandboxBody,
    schema: requestViewSchema,
  },
  'GET /requests/mine': {
    method: 'GET',
    path: () => '/requests/mine',
    fixture: 'none',
    schema: requestPageSchema,
  },
  'GET /requests/open': {
    method: 'GET',
    path: () => '/requests/open',
    fixture: 'none',
    schema: openWindowsResponseSchema,
  },
  'GET /openapi.json': {
    method: 'GET',
    path: () => '/openapi.json',
    fixture: 'none',
    schema: z.object({ openapi: z.literal('3.1.0') }),
  },
  'GET /requests/{id}': {
    method: 'GET',
    path: (id) => `/requests/${id}`,
    fixture: 'pending',
    schema: requestViewSchema,
  },
  'POST /requests/{id}/approve': {
    method: 'POST',
    path: (id) => `/requests/${id}/approve`,
    fixture: 'pending',
    body: {},
    schema: requestViewSchema,
  },
  'POST /requests/{id}/reject': {
    method: 'POST',
    path: (id) => `/requests/${id}/reject`,
    fixture: 'pending',
    body: { comment: 'Use ReadOnly' },
    schema: requestViewSchema,
  },
  'POST /requests/{id}/cancel': {
    method: 'POST',
    path: (id) => `/requests/${id}/cancel`,
    fixture: 'pending',
    body: {},
    schema: requestViewSchema,
  },
  'POST /requests/{id}/revoke': {
    method: 'POST',
    path: (id) => `/requests/${id}/revoke`,
    fixture: 'approved',
    body: { comment: 'Done' },
    schema: requestViewSchema,
  },
  'POST /requests/{id}/end': {
    method: 'POST',
    path: (id) => `/requests/${id}/end`,
    fixture: 'approved',
    body: {},
    schema: requestViewSchema,
  },
  'POST /requests/{id}/review': {
    method: 'POST',
    path: (id) => `/requests/${id}/review`,
    fixture: 'breakGlass',
    body: { comment: 'Checked CloudTrail' },
    schema: requestViewSchema,
  },
  'POST /requests/{id}/extend': {
    method: 'POST',
    path: (id) => `/requests/${id}/extend`,
    fixture: 'approved',
    body: { minutes: 30, reason: 'The migration runs long' },
    schema: requestViewSchema,
  },
  'POST /requests/{id}/extension/approve': {
    method: 'POST',
    path: (id) => `/requests/${id}/extension/approve`,
    fixture: 'extensionPending',
    body: {},
    schema: requestViewSchema,
  },
  'POST /requests/{id}/extension/reject': {
    method: 'POST',
    path: (id) => `/requests/${id}/extension/reject`,
    fixture: 'extensionPending',
    body: { comment: 'Finish tomorrow' },
    schema: requestViewSchema,
  },
  // An "own" invitation is made out to the caller's address; "other" to someone else's.
  'POST /invitations': {
    method: 'POST',
    path: () => '/invitations',
    fixture: 'none',
    body: { ...sandboxBody, inviteeEmail: 'nina@example.com' },
    schema: requestViewSchema,
  },
  'GET /invitations/mine': {
    method: 'GET',
    path: () => '/invitations/mine',
    fixture: 'invitation',
    schema: requestPageSchema,
  },
  'POST /requests/{id}/accept': {
    method: 'POST',
    path: (id) => `/requests/${id}/accept`,
    fixture: 'invitation',
    body: {},
    schema: requestViewSchema,
  },
  'POST /requests/{id}/decline': {
    method: 'POST',
    path: (id) => `/requests/${id}/decline`,
    fixture: 'invitation',
    body: { comment: 'On leave' },
    schema: requestViewSchema,
  },
  'GET /access/active': {
    method: 'GET',
    path: () => '/access/active',
    fixture: 'approved',
    schema: activeAccessListSchema,
  },
  'GET /access/self-approved': {
    method: 'GET',
    path: () => '/access/self-approved',
    fixture: 'approved',
    schema: activeAccessListSchema,
  },
  'GET /reviews/pending': {
    method: 'GET',
    path: () => '/reviews/pending',
    fixture: 'pending',
    schema: requestPageSchema,
  },
  'GET /reviews/break-glass': {
    method: 'GET',
    path: () => '/reviews/break-glass',
    fixture: 'breakGlass',
    schema: requestPageSchema,
  },
  'GET /reviews/decided': {
    method: 'GET',
    path: () => '/reviews/decided',
    fixture: 'approved',
    schema: requestPageSchema,
  },
  'GET /audit/requests': {
    method: 'GET',
    path: () => audit,
    fixture: 'pending',
    schema: requestPageSchema,
  },
  'GET /audit/requests/count': {
    method: 'GET',
    path: () => audit.replace('requests?', 'requests/count?'),
    fixture: 'pending',
    schema: auditCountSchema,
  },
  'GET /audit/requests.csv': {
    method: 'GET',
    path: () => audit.replace('requests?', 'requests.csv?'),
    fixture: 'pending',
  },
  'GET /audit/requests.json': {
    method: 'GET',
    path: () => audit.replace('requests?', 'requests.json?'),
    fixture: 'pending',
    schema: auditJsonExportSchema,
  },
  // The matrix's world has no digest store: an allowed caller gets 503 AUDIT_INTEGRITY_UNAVAILABLE.
  'GET /audit/integrity': {
    method: 'GET',
    path: () => '/audit/integrity?from=2029-12-01&to=2029-12-02',
    fixture: 'pending',
  },
  'GET /insights': {
    method: 'GET',
    path: () => '/insights?from=2029-12-01&to=2030-01-31',
    fixture: 'pending',
    schema: insightsResponseSchema,
  },
} satisfies Record<string, Endpoint>;

// prettier-ignore
const MATRIX: Record<keyof typeof ENDPOINTS, readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                               anonymous requester   otherReq.   routedRev.  unroutedRev. auditor    admin      ineligible
  'GET /me':                       [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /policy':                   [401,      200,        200,        200,        200,         200,       200,       200],
  'POST /requests':                [401,      201,        201,        201,        201,         403,       403,       403],
  'GET /requests/mine':            [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /requests/open':            [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /openapi.json':             [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /requests/{id}':            [401,      [200, 404], [200, 404], [200, 200], [200, 404],  [NA, 200], [NA, 200], [NA, 404]],
  'POST /requests/{id}/approve':   [401,      [403, 404], [403, 404], [403, 200], [403, 404],  [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/reject':    [401,      [403, 404], [403, 404], [403, 200], [403, 404],  [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/cancel':    [401,      [200, 404], [200, 404], [200, 403], [200, 404],  [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/revoke':    [401,      [403, 404], [403, 404], [200, 200], [403, 404],  [NA, 403], [NA, 200], [NA, 404]],
  'POST /requests/{id}/end':       [401,      [200, 404], [200, 404], [200, 403], [200, 404],  [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/review':    [401,      [403, 404], [403, 404], [403, 200], [403, 404],  [NA, 403], [NA, 200], [NA, 404]],
  'POST /requests/{id}/extend':    [401,      [200, 404], [200, 404], [200, 403], [200, 404],  [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/extension/approve': [401, [403, 404], [403, 404], [403, 200], [403, 404], [NA, 403], [NA, 403], [NA, 404]],
  'POST /requests/{id}/extension/reject':  [401, [403, 404], [403, 404], [403, 200], [403, 404], [NA, 403], [NA, 403], [NA, 404]],
  'POST /invitations':             [401,      403,        403,        201,        403,         403,       201,       403],
  'GET /invitations/mine':         [401,      200,        200,        200,        200,         200,       200,       200],
  'POST /requests/{id}/accept':    [401,      [200, 404], [200, 404], [200, 403], [200, 404],  [403, 403], [403, 403], [403, 404]],
  'POST /requests/{id}/decline':   [401,      [200, 404], [200, 404], [200, 403], [200, 404],  [200, 403], [200, 403], [200, 404]],
  'GET /access/active':            [401,      403,        403,        200,        200,         403,       200,       403],
  'GET /access/self-approved':     [401,      403,        403,        200,        200,         403,       200,       403],
  'GET /reviews/pending':          [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /reviews/break-glass':      [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /reviews/decided':          [401,      200,        200,        200,        200,         200,       200,       200],
  'GET /audit/requests':           [401,      403,        403,        403,        403,         200,       200,       403],
  'GET /audit/requests/count':     [401,      403,        403,        403,        403,         200,       200,       403],
  'GET /audit/requests.csv':       [401,      403,        403,        403,        403,         200,       200,       403],
  'GET /audit/requests.json':      [401,      403,        403,        403,        403,         200,       200,       403],
  'GET /audit/integrity':          [401,      403,        403,        403,        403,         503,       503,       403],
  'GET /insights':                 [401,      403,        403,        403,        403,         200,       200,       403],
};

/** Puts the request an endpoint acts on in place, created (and approved) through the use cases. */
async function arrange(
  world: ApiWorld,
  fixture: Fixture,
  owner: VerifiedIdentity,
): Promise<string> {
  if (fixture === 'none') return 'none';
  const deps = world.deps;
  if (fixture === 'invitation') {
    const inviter = owner.sub === PERSONAS.rita.sub ? PERSONAS.ravi : PERSONAS.rita;
    return (await inviteEngineer(deps, inviter, { ...sandboxBody, inviteeEmail: owner.email })).id;
  }
  const created = await createRequest(
    deps,
    owner,
    fixture === 'breakGlass' ? breakGlassBody : sandboxBody,
  );
  if (fixture === 'approved' || fixture === 'extensionPending') {
    const approver = owner.sub === PERSONAS.rita.sub ? PERSONAS.ravi : PERSONAS.rita;
    await approveRequest(deps, approver, created.id, {});
  }
  if (fixture === 'extensionPending')
    await extendRequest(deps, owner, created.id, {
      minutes: 30,
      reason: 'The migration runs long',
    });
  return created.id;
}

interface Case {
  endpoint: keyof typeof ENDPOINTS;
  column: Column;
  whose: 'own' | 'other' | 'any';
  expected: number;
}

const cases: Case[] = Object.entries(MATRIX).flatMap(([endpoint, row]) =>
  row.flatMap((cell, index): Case[] => {
    const column = COLUMN_ORDER[index];
    if (column === undefined) throw new Error('matrix row has too many cells');
    const name = endpoint as keyof typeof ENDPOINTS;
    if (typeof cell === 'number') return [{ endpoint: name, column, whose: 'any', expected: cell }];
    const [own, other] = cell;
    return [
      ...(own === NA ? [] : [{ endpoint: name, column, whose: 'own' as const, expected: own }]),
      { endpoint: name, column, whose: 'other' as const, expected: other },
    ];
  }),
);

describe('authorization matrix', () => {
  it.each(cases)(
    '$endpoint as $column ($whose request) → $expected',
    async ({ endpoint, column, whose, expected }) => {
      const spec: Endpoint = ENDPOINTS[endpoint];
      const caller = COLUMNS[column];
      const world = apiWorld({ policy, identities: [...Object.values(PERSONAS), dana] });
      // "any" endpoints still get their fixture, owned by someone else, so lists and audits have content.
      const owner =
        whose === 'own' && caller !== undefined
          ? caller
          : caller?.sub === PERSONAS.alice.sub
            ? PERSONAS.bob
            : PERSONAS.alice;
      const id = await arrange(world, spec.fixture, owner);

      const response = await world.call(caller, spec.method, spec.path(id), spec.body);

      expect(response.status).toBe(expected);
      if (expected >= 400) {
        problemSchema.parse(await response.json());
      } else if (spec.schema !== undefined) {
        spec.schema.parse(await response.json());
      } else {
        expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(await response.text()).toMatch(/^"id","createdAt"/);
      }
    },
  );

  it('has a row for every endpoint the app serves, so a new one cannot skip the matrix', () => {
    const { app } = apiWorld({ policy });
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '/health')
        .map((route) => `${route.method} ${route.path.replace(':id', '{id}')}`),
    );
    expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
  });
});
