import Box from '@cloudscape-design/components/box';
import type { RequestSummary } from '@elevate/contracts';
import { Countdown } from '../../../components/ui/countdown';
import { LocalTime, LocalTimeRange } from '../../../components/ui/local-time';
import { formatMinutes } from '../../../lib/format-duration';

/**
 * Start and end of the access window, or what is asked for until it is approved. `compact` is for
 * table cells: "Nov 21, 10:33 AM – 12:33 PM".
 */
export function RequestWindow({
  request,
  compact = false,
}: {
  request: RequestSummary;
  compact?: boolean;
}) {
  if (request.window && compact)
    return <LocalTimeRange startsAt={request.window.startsAt} endsAt={request.window.endsAt} />;
  if (request.window) {
    return (
      <span>
        <LocalTime iso={request.window.startsAt} />
        <Box variant="small" display="block">
          to <LocalTime iso={request.window.endsAt} />
        </Box>
      </span>
    );
  }
  const asked = formatMinutes(request.requestedDurationMinutes);
  // Decided or withdrawn without ever opening: what was asked, not a window that never was.
  if (
    request.status === 'REJECTED' ||
    request.status === 'CANCELLED' ||
    request.status === 'EXPIRED'
  )
    return (
      <Box color="text-body-secondary">
        Never opened
        <Box variant="small" display="block" color="text-body-secondary">
          {asked} asked for
        </Box>
      </Box>
    );
  if (!request.scheduledStart)
    return <Box color="text-body-secondary">{asked}, starting when approved</Box>;
  return (
    <Box color="text-body-secondary">
      {asked} from <LocalTime iso={request.scheduledStart} compact={compact} />
    </Box>
  );
}

/** Whether TimeLeft has something to count: approved, with a window that is open or yet to come. */
export function hasTimeLeft(request: Pick<RequestSummary, 'status' | 'window' | 'phase'>): boolean {
  return (
    request.status === 'APPROVED' &&
    Boolean(request.window) &&
    (request.phase === 'active' || request.phase === 'scheduled')
  );
}

/** A live countdown while access is open, and to the start while scheduled. */
export function TimeLeft({
  request,
  onElapsed,
}: {
  request: RequestSummary;
  onElapsed?: () => void;
}) {
  if (request.status !== 'APPROVED' || !request.window)
    return <Box color="text-body-secondary">—</Box>;
  switch (request.phase) {
    case 'active':
      return <Countdown until={request.window.endsAt} elapsedText="Ended" onElapsed={onElapsed} />;
    case 'scheduled':
      return (
        <span>
          Starts in{' '}
          <Countdown
            until={request.window.startsAt}
            elapsedText="now"
            suffix=""
            onElapsed={onElapsed}
          />
        </span>
      );
    case 'over':
    case null:
      return <Box color="text-body-secondary">—</Box>;
  }
}
