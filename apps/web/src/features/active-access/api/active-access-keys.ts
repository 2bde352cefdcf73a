/** Query keys for what is open now and what self-service approved lately. */
export const activeAccessKeys = {
  all: ['access'] as const,
  active: () => [...activeAccessKeys.all, 'active'] as const,
  selfApproved: () => [...activeAccessKeys.all, 'self-approved'] as const,
};
