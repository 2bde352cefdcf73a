import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteBody, PolicyView, RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { invitationKeys } from './invitation-keys';

/** `POST /invitations`: open a request for an engineer, who must accept it. */
function inviteEngineer(api: ApiClient, body: InviteBody): Promise<RequestView> {
  return api.call('inviteEngineer', { body });
}

export function useInviteEngineer() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => inviteEngineer(api, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/**
 * Suggestions for the form, not a limit: the inviter's own eligibility, and for admins and
 * auditors every account and role the policy names. The server decides what may be invited to.
 */
function inviteTargetsOf(view: PolicyView): {
  accounts: { id: string; name?: string }[];
  roles: string[];
} {
  const accounts = new Map<string, string | undefined>();
  const roles = new Set<string>();
  for (const entry of view.eligibility) {
    accounts.set(entry.accountId, entry.accountName);
    roles.add(entry.roleName);
  }
  for (const account of view.policy?.accounts ?? []) accounts.set(account.id, account.name);
  for (const rule of view.policy?.rules ?? []) for (const role of rule.roles) roles.add(role);
  return {
    accounts: [...accounts].map(([id, name]) => ({ id, ...(name === undefined ? {} : { name }) })),
    roles: [...roles].sort(),
  };
}

export function useInviteTargets() {
  const api = useApiClient();
  return useQuery(
    queryOptions({
      queryKey: invitationKeys.targets(),
      queryFn: ({ signal }) => api.call('getPolicy', { signal }),
      select: inviteTargetsOf,
    }),
  );
}
