import type { RequestSummary } from '@elevate/contracts';

/** "sandbox (111111111111)", or the bare id when the account left the catalog. */
export function accountLabel(request: Pick<RequestSummary, 'accountId' | 'accountName'>): string {
  return request.accountName ? `${request.accountName} (${request.accountId})` : request.accountId;
}

/** "ReadOnly in sandbox (111111111111)": how buttons and messages name a request. */
export function requestLabel(
  request: Pick<RequestSummary, 'accountId' | 'accountName' | 'roleName'>,
): string {
  return `${request.roleName} in ${accountLabel(request)}`;
}
