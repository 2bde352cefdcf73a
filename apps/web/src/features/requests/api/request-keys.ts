import type { RequestStatus } from '@elevate/contracts';

/** What "My requests" is filtered by; the server applies it. */
export interface MyRequestsFilter {
  status?: RequestStatus;
  /** Text in the account, role, justification or ticket. */
  q?: string;
}

/** Query keys for requests as their requester and anyone allowed to read one see them. */
export const requestKeys = {
  all: ['requests'] as const,
  mine: (filter: MyRequestsFilter = {}, cursor?: string) =>
    [...requestKeys.all, 'mine', filter, cursor ?? null] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
  open: () => [...requestKeys.all, 'open'] as const,
};
