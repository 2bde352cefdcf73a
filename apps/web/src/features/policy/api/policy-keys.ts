/** Query keys for the policy as the caller may see it. */
export const policyKeys = {
  all: ['policy'] as const,
  view: () => [...policyKeys.all, 'view'] as const,
};
