import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** A whole-page "working on it" for moments outside the app layout (session check, redirects). */
export function PageStatus({ label }: { label: string }) {
  return (
    <Box padding={{ vertical: 'xxxl' }} textAlign="center">
      <div role="status" aria-live="polite">
        <StatusIndicator type="loading">{label}</StatusIndicator>
      </div>
    </Box>
  );
}
