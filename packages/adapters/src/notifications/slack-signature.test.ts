import { describe, expect, it } from 'vitest';
import { InMemoryReplayGuard } from './in-memory-replay-guard';
import { slackSignatureOf, verifySlackRequest } from './slack-signature';

const SECRET = 'test-signing-secret';
const NOW_MS = Date.parse('2025-03-03T09:00:00.000Z');
const ts = String(NOW_MS / 1000);
const body = 'payload=%7B%22type%22%3A%22block_actions%22%7D';

const signed = (overrides: { timestamp?: string; body?: string; secret?: string } = {}) => {
  const timestamp = overrides.timestamp ?? ts;
  return {
    timestamp,
    signature: slackSignatureOf(overrides.secret ?? SECRET, timestamp, overrides.body ?? body),
    body,
  };
};

describe('verifySlackRequest', () => {
  it('accepts a request signed with the signing secret within the window', async () => {
    expect(await verifySlackRequest(signed(), SECRET, NOW_MS, new InMemoryReplayGuard())).toEqual({
      ok: true,
    });
  });

  it('refuses a timestamp older (or later) than five minutes', async () => {
    const old = signed({ timestamp: String(NOW_MS / 1000 - 301) });
    const ahead = signed({ timestamp: String(NOW_MS / 1000 + 301) });
    const guard = new InMemoryReplayGuard();
    expect(await verifySlackRequest(old, SECRET, NOW_MS, guard)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(await verifySlackRequest(ahead, SECRET, NOW_MS, guard)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    const edge = signed({ timestamp: String(NOW_MS / 1000 - 299) });
    expect(await verifySlackRequest(edge, SECRET, NOW_MS, guard)).toEqual({ ok: true });
  });

  it('refuses the same signed request a second time', async () => {
    const guard = new InMemoryReplayGuard(() => NOW_MS);
    expect((await verifySlackRequest(signed(), SECRET, NOW_MS, guard)).ok).toBe(true);
    expect(await verifySlackRequest(signed(), SECRET, NOW_MS + 1000, guard)).toEqual({
      ok: false,
      reason: 'replayed',
    });
  });

  it('refuses a tampered body', async () => {
    const request = { ...signed(), body: `${body}x` };
    expect(await verifySlackRequest(request, SECRET, NOW_MS, new InMemoryReplayGuard())).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a signature made with another secret', async () => {
    const request = signed({ secret: 'another-secret' });
    expect(await verifySlackRequest(request, SECRET, NOW_MS, new InMemoryReplayGuard())).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses missing headers and malformed signatures without throwing', async () => {
    const guard = new InMemoryReplayGuard();
    expect(
      await verifySlackRequest(
        { timestamp: undefined, signature: 'v0=00', body },
        SECRET,
        NOW_MS,
        guard,
      ),
    ).toEqual({ ok: false, reason: 'missing-headers' });
    expect(
      await verifySlackRequest(
        { timestamp: ts, signature: undefined, body },
        SECRET,
        NOW_MS,
        guard,
      ),
    ).toEqual({ ok: false, reason: 'missing-headers' });
    expect(
      await verifySlackRequest(
        { timestamp: ts, signature: 'v0=short', body },
        SECRET,
        NOW_MS,
        guard,
      ),
    ).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('a refused request does not burn its signature (a replay guard sees only valid ones)', async () => {
    const guard = new InMemoryReplayGuard(() => NOW_MS);
    await verifySlackRequest({ ...signed(), body: 'tampered' }, SECRET, NOW_MS, guard);
    expect((await verifySlackRequest(signed(), SECRET, NOW_MS, guard)).ok).toBe(true);
  });
});
