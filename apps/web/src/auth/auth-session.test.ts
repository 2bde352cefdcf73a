import { runtimeConfigSchema } from '@elevate/contracts';
import type { UserManager } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { createAuthSession } from './auth-session';

const config = runtimeConfigSchema.parse({
  authority: 'http://idp.test',
  clientId: 'elevate-web',
  apiUrl: 'http://api.test',
  redirectPath: '/auth/callback',
});
const userManager = {} as UserManager;
const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('loading oidc-client-ts for the session', () => {
  it('downloads it again after a failed download (a tab that just woke may still be offline)', async () => {
    const load = vi
      .fn<() => Promise<UserManager>>()
      .mockImplementationOnce(offline)
      .mockImplementationOnce(offline)
      .mockResolvedValue(userManager);
    const session = createAuthSession(config, load, window.sessionStorage, [1, 1]);
    await expect(session.userManager()).resolves.toBe(userManager);
    expect(load).toHaveBeenCalledTimes(3);
    await expect(session.userManager()).resolves.toBe(userManager);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('fails after three downloads, and the next call starts again', async () => {
    const load = vi.fn<() => Promise<UserManager>>(offline);
    const session = createAuthSession(config, load, window.sessionStorage, [1, 1]);
    await expect(session.userManager()).rejects.toThrow('Failed to fetch');
    expect(load).toHaveBeenCalledTimes(3);
    load.mockResolvedValue(userManager);
    await expect(session.userManager()).resolves.toBe(userManager);
    expect(load).toHaveBeenCalledTimes(4);
  });
});
