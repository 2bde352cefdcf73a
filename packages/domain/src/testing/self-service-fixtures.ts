// Test support: the example policy plus a self-service ReadOnly rule on a sandbox account of its
// own, with working hours in Berlin, so self-service never overlaps the example's human rules.
import type { Policy } from '../policy/policy-schema';
import { examplePolicyData, policyFrom } from './fixtures';

export const PLAYGROUND = '555555555555';

/** Mon 2025-03-03 10:00 in Berlin (UTC+1): inside 09:00–18:00. */
export const WORKING_NOW = '2025-03-03T09:00:00.000Z';
/** Mon 2025-03-03 20:00 in Berlin: outside. */
export const EVENING_NOW = '2025-03-03T19:00:00.000Z';

export interface SelfServiceOptions {
  /** Name human approvers for requests outside the conditions. */
  readonly fallbackApprovers?: boolean;
  readonly extension?: Record<string, unknown>;
  readonly allowRoleChaining?: boolean;
}

export const selfServicePolicyData = (
  options: SelfServiceOptions = {},
): Record<string, unknown> => {
  const base = examplePolicyData();
  return {
    ...base,
    accounts: [
      ...(base['accounts'] as unknown[]),
      { id: PLAYGROUND, name: 'playground', tags: { environment: 'sandbox' } },
    ],
    rules: [
      ...(base['rules'] as unknown[]),
      {
        id: 'sandbox-read-only-self-service',
        groups: ['engineers'],
        accounts: { ids: [PLAYGROUND] },
        roles: ['ReadOnly', 'PowerUser'],
        maxDurationMinutes: 240,
        defaultDurationMinutes: 60,
        approvalsRequired: 0,
        ...(options.fallbackApprovers === true ? { approverGroups: ['reviewers'] } : {}),
        autoApproval: {
          maxDurationMinutes: 120,
          workingHours: { timeZone: 'Europe/Berlin', start: '09:00', end: '18:00' },
          ticketPattern: '^SBX-\\d+$',
        },
        ...(options.extension === undefined ? {} : { extension: options.extension }),
        ...(options.allowRoleChaining === undefined
          ? {}
          : { allowRoleChaining: options.allowRoleChaining }),
      },
    ],
  };
};

export const selfServicePolicy = (options: SelfServiceOptions = {}): Policy =>
  policyFrom(selfServicePolicyData(options));
