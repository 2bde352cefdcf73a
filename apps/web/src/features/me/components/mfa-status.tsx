import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** RFC 8176: `mfa` says more than one factor was used; the other values name the factors. */
function usedMfa(amr: readonly string[]): boolean {
  return amr.includes('mfa');
}

// RFC 8176's method names, as a person would say them; unknown ones are shown as sent.
const METHOD_WORDS: Record<string, string> = {
  pwd: 'password',
  otp: 'one-time code',
  hwk: 'security key',
  swk: 'software key',
  sms: 'text message',
  face: 'face recognition',
  fpt: 'fingerprint',
  pin: 'PIN',
  user: 'user presence',
};

/** "password and one-time code": the ways the person signed in, without the bare `mfa` marker. */
function signInMethodsText(amr: readonly string[]): string {
  const words = amr.filter((method) => method !== 'mfa').map((m) => METHOD_WORDS[m] ?? m);
  return words.join(' and ');
}

export function MfaStatus({ amr }: { amr: readonly string[] }) {
  const methods = signInMethodsText(amr);
  return usedMfa(amr) ? (
    <StatusIndicator type="success">
      Yes, multi-factor{methods ? ` (${methods})` : ''}
    </StatusIndicator>
  ) : (
    <StatusIndicator type="warning">
      No, {methods ? `${methods} only` : 'single factor'}
    </StatusIndicator>
  );
}
