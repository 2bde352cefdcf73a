import { describe, expect, it } from 'vitest';
import {
  accessPhaseSchema,
  decisionKindSchema,
  domainErrorCodeSchema,
  historyEventTypeSchema,
  postAccessReviewStateSchema,
  requestActionSchema,
  requestStatusSchema,
} from '@elevate/contracts';
import {
  ACCESS_PHASES,
  DECISION_KINDS,
  DOMAIN_ERROR_CODES,
  HISTORY_EVENT_TYPES,
  POST_ACCESS_REVIEW_STATES,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
} from '@elevate/domain';
import { problemCatalog } from './http/problem-catalog';

// The SPA sees only contracts, which may not import the domain; this keeps the two lists equal.
describe('the contracts mirror the domain', () => {
  it.each([
    ['request statuses', requestStatusSchema.options, REQUEST_STATUSES],
    ['access phases', accessPhaseSchema.options, ACCESS_PHASES],
    ['decision kinds', decisionKindSchema.options, DECISION_KINDS],
    ['history event types', historyEventTypeSchema.options, HISTORY_EVENT_TYPES],
    ['post-access review states', postAccessReviewStateSchema.options, POST_ACCESS_REVIEW_STATES],
    ['request actions', requestActionSchema.options, REQUEST_ACTIONS],
    ['domain error codes', domainErrorCodeSchema.options, DOMAIN_ERROR_CODES],
  ])('%s are the same list in the same order', (_label, contract, domain) => {
    expect([...contract]).toEqual([...domain]);
  });

  it('every domain error code has an HTTP status in the problem catalog', () => {
    for (const code of DOMAIN_ERROR_CODES)
      expect(problemCatalog[code].status).toBeGreaterThanOrEqual(400);
  });
});
