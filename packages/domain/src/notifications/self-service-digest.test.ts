import { describe, expect, it } from 'vitest';
import { alice, pendingSandbox } from '../testing/fixtures';
import { composeSelfServiceDigest, isSelfServiceApproved } from './self-service-digest';

// Creation refuses control characters, but the sweeper reads whatever the store holds.
const approvedByPolicy = (id: string, justification: string) => ({
  ...pendingSandbox(alice, { id }),
  justification,
  status: 'APPROVED' as const,
  approvedByPolicy: true,
});

describe('composeSelfServiceDigest', () => {
  const digest = composeSelfServiceDigest(
    [
      approvedByPolicy('ss-2', '<script>alert(1)</script> & "x"\u202E'),
      approvedByPolicy('ss-1', 'Routine check'),
    ],
    '2025-03-03',
    {
      appUrl: 'https://elevate.example.com/',
      accountNameOf: (id) => (id === '111111111111' ? 'sandbox' : undefined),
    },
  );

  it('lists each request with its own link, and one button to the self-service approvals', () => {
    expect(digest.subject).toBe(
      '[Elevate] Self-service digest 2025-03-03: 2 accesses approved by policy',
    );
    expect(digest.entries.map((entry) => entry.link)).toEqual([
      'https://elevate.example.com/requests/ss-2',
      'https://elevate.example.com/requests/ss-1',
    ]);
    expect(digest.text).toContain('PowerUser in sandbox (111111111111)');
    expect(digest.link).toBe('https://elevate.example.com/access');
    const urls = `${digest.text}\n${digest.html}`.match(/https?:\/\/[^\s"'<>]+/gu) ?? [];
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/elevate\.example\.com\/(?:requests\/[\w-]+|access)$/u);
  });

  it('escapes and sanitises request text', () => {
    expect(digest.html).not.toContain('<script>');
    expect(digest.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(digest.text).not.toContain('\u202E');
  });

  it('counts only requests a self-service rule approved', () => {
    expect(isSelfServiceApproved(approvedByPolicy('a', 'x'))).toBe(true);
    expect(isSelfServiceApproved(pendingSandbox(alice))).toBe(false);
  });
});
