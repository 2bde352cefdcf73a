import type { RequestSummary } from '@elevate/contracts';

/** What "Request again" carries into the form; every field is checked against eligibility there. */
export interface RequestPrefill {
  accountId?: string;
  roleName?: string;
  justification?: string;
  ticket?: string;
  durationMinutes?: number;
}

export function prefillSearch(
  request: Pick<
    RequestSummary,
    'accountId' | 'roleName' | 'justification' | 'ticket' | 'requestedDurationMinutes'
  >,
): string {
  const params = new URLSearchParams({
    accountId: request.accountId,
    roleName: request.roleName,
    justification: request.justification,
    durationMinutes: String(request.requestedDurationMinutes),
  });
  if (request.ticket) params.set('ticket', request.ticket);
  return params.toString();
}

export function prefillFrom(params: URLSearchParams): RequestPrefill {
  const duration = Number(params.get('durationMinutes'));
  return {
    accountId: params.get('accountId') ?? undefined,
    roleName: params.get('roleName') ?? undefined,
    justification: params.get('justification') ?? undefined,
    ticket: params.get('ticket') ?? undefined,
    durationMinutes: Number.isInteger(duration) && duration > 0 ? duration : undefined,
  };
}
