import Box from '@cloudscape-design/components/box';
import type { RequestSummary } from '@elevate/contracts';
import { Countdown } from '../../../components/ui/countdown';
import { LocalTime } from '../../../components/ui/local-time';
import { formatMinutes } from '../../../lib/format-duration';

/** Start and end of the access window, or what is asked for until it is approved. */
export function RequestWindow({ request }: { request: RequestSummary }) {
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
  const start = request.scheduledStart ? <LocalTime iso={request.scheduledStart} /> : 'on approval';
  return (
    <Box color="text-body-secondary">
      {formatMinutes(request.requestedDurationMinutes)} from {start}
    </Box>
  );
}

/** A live countdown while access is open, and to the start while scheduled. */
export function TimeLeft({ request, onElapsed }: { request: RequestSummary; onElapsed?: () => void }) {
  if (request.status !== 'APPROVED' || !request.window) return <Box color="text-body-secondary">—</Box>;
  switch (request.phase) {
    case 'active':
      return <Countdown until={request.window.endsAt} elapsedText="Ended" onElapsed={onElapsed} />;
    case 'scheduled':
      return (
        <span>
          Starts in <Countdown until={request.window.startsAt} elapsedText="now" suffix="" onElapsed={onElapsed} />
        </span>
      );
    case 'over':
    case null:
      return <Box color="text-body-secondary">—</Box>;
  }
}
