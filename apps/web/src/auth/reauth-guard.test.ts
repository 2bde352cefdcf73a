import { beforeEach, describe, expect, it } from 'vitest';
import { mayReauthenticate } from './reauth-guard';

describe('re-authentication guard', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('allows one sign-in round trip and refuses another within a minute, so a 401 cannot loop', () => {
    const start = 1_700_000_000_000;
    expect(mayReauthenticate(start)).toBe(true);
    expect(mayReauthenticate(start + 5_000)).toBe(false);
    expect(mayReauthenticate(start + 59_999)).toBe(false);
    expect(mayReauthenticate(start + 60_000)).toBe(true);
  });
});
