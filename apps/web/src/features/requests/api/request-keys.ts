/** Query keys for requests as their requester and anyone allowed to read one see them. */
export const requestKeys = {
  all: ['requests'] as const,
  mine: () => [...requestKeys.all, 'mine'] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
};
