import { formatRemaining, requestStatusWords, type RequestSummary } from '@elevate/contracts';
import type { Colors } from './ui';

/** `production (333333333333)` or the id alone when the policy has no name for it. */
export function accountLabel(request: Pick<RequestSummary, 'accountId' | 'accountName'>): string {
  return request.accountName ? `${request.accountName} (${request.accountId})` : request.accountId;
}

/** What a person wants to know about a request's window, now. */
export function windowText(request: RequestSummary, now: number): string {
  const window = request.window;
  if (request.status !== 'APPROVED' || window === null) {
    return request.status === 'PENDING'
      ? `${request.approvalsCount}/${request.approvalsRequired} approvals`
      : '';
  }
  const starts = Date.parse(window.startsAt);
  const ends = Date.parse(window.endsAt);
  if (now < starts) return `starts in ${formatRemaining(starts - now)}`;
  if (now < ends) return `${formatRemaining(ends - now)} left`;
  return 'window over';
}

/** The status in words (never the enum), coloured by what it means for the person. */
export function statusText(request: Pick<RequestSummary, 'status' | 'phase'>, c: Colors): string {
  const words = requestStatusWords(request.status, request.phase);
  switch (request.status) {
    case 'APPROVED':
      return request.phase === 'over' ? c.dim(words) : c.green(words);
    case 'PENDING':
      return c.yellow(words);
    case 'REJECTED':
    case 'REVOKED':
      return c.red(words);
    case 'CANCELLED':
    case 'EXPIRED':
    case 'ENDED':
      return c.dim(words);
  }
}

/** Columns padded to their widest cell; colour codes do not count towards the width. */
export function table(rows: string[][]): string[] {
  // eslint-disable-next-line no-control-regex
  const visible = (cell: string) => cell.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell)),
      )
      .join('  ')
      .trimEnd(),
  );
}
