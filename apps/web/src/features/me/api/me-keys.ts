/** Query keys for the signed-in identity; invalidate `meKeys.all` to refetch everything here. */
export const meKeys = {
  all: ['me'] as const,
  current: () => [...meKeys.all, 'current'] as const,
};
