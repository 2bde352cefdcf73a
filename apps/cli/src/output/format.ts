import type { RequestSummary } from '@elevate/contracts';
import type { Colors } from './ui';

/** `1h 05m`, `12m`, `45s`: time left or taken, to the minute once it is over a minute. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}m`;
  return `${hours}h ${String(minutes).padStart(2, '0')}m`;
}

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
  if (now < starts) return `starts in ${formatDuration(starts - now)}`;
  if (now < ends) return `${formatDuration(ends - now)} left`;
  return 'over';
}

export function statusText(status: RequestSummary['status'], c: Colors): string {
  switch (status) {
    case 'APPROVED':
      return c.green(status);
    case 'PENDING':
      return c.yellow(status);
    case 'REJECTED':
    case 'REVOKED':
      return c.red(status);
    case 'CANCELLED':
    case 'EXPIRED':
    case 'ENDED':
      return c.dim(status);
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
