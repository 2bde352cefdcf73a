import { InMemoryAccessRequestRepository, InMemoryInsightsReadModel } from '@elevate/adapters';
import type { VerifiedIdentity } from '@elevate/adapters';
import type {
  AccessRequestRepository,
  PeopleDirectory,
  Policy,
  SessionRecordRepository,
} from '@elevate/domain';
import { createApp } from '../app';
import type { AuditIntegrityDeps } from '../audit-integrity/audit-integrity-deps';
import type { AuditExportLimits } from '../use-cases/audit-export-limits';
import type { AppDeps } from '../app';
import { createJsonLogger } from '../logger';
import {
  examplePolicy,
  PERSONAS,
  personaHeaders,
  personaVerifier,
  sequentialIds,
} from './personas';

export const START = '2030-01-01T09:00:00.000Z';

/** An app on the in-memory store with the personas, a settable clock and a JSON helper per persona. */
export function apiWorld(
  options: {
    policy?: Policy;
    repository?: AccessRequestRepository;
    identities?: readonly VerifiedIdentity[];
    maxBodyBytes?: number;
    auditExportLimits?: AuditExportLimits;
    auditIntegrity?: AuditIntegrityDeps;
    sessions?: SessionRecordRepository;
    /** The people record (and with it the sign-in recording middleware); none unless given. */
    people?: PeopleDirectory;
  } = {},
) {
  let now = START;
  const repository = options.repository ?? new InMemoryAccessRequestRepository();
  const deps: AppDeps = {
    verifier: personaVerifier(options.identities ?? Object.values(PERSONAS)),
    logger: createJsonLogger({ level: 'silent' }),
    repository,
    policy: options.policy ?? examplePolicy(),
    clock: { now: () => now },
    ids: sequentialIds(),
    insights: new InMemoryInsightsReadModel(),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.auditExportLimits === undefined
      ? {}
      : { auditExportLimits: options.auditExportLimits }),
    auditIntegrity: options.auditIntegrity,
    ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
    ...(options.people === undefined ? {} : { people: options.people }),
  };
  const app = createApp(deps);

  /** Calls the app as `who` (undefined: no tokens). A `body` object is sent as JSON. */
  const call = (
    who: VerifiedIdentity | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...(who === undefined ? {} : personaHeaders(who)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  return {
    app,
    deps,
    repository,
    call,
    setNow: (iso: string) => {
      now = iso;
    },
  };
}

export type ApiWorld = ReturnType<typeof apiWorld>;
