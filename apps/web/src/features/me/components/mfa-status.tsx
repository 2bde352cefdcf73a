import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** RFC 8176: `mfa` says more than one factor was used; the other values name the factors. */
export function usedMfa(amr: readonly string[]): boolean {
  return amr.includes('mfa');
}

export function MfaStatus({ amr }: { amr: readonly string[] }) {
  const methods = amr.length > 0 ? ` (${amr.join(', ')})` : '';
  return usedMfa(amr) ? (
    <StatusIndicator type="success">Yes{methods}</StatusIndicator>
  ) : (
    <StatusIndicator type="warning">No{methods}</StatusIndicator>
  );
}
