import { describe, expect, it } from 'vitest';
import { readyBanner } from './banner';

describe('readyBanner', () => {
  it('lists every URL and every persona with what it is for', () => {
    const text = readyBanner({
      urls: [
        { label: 'Elevate', url: 'http://127.0.0.1:5173' },
        { label: 'API', url: 'http://127.0.0.1:8787' },
      ],
      personas: [
        { sub: 'a', email: 'a@example.com', name: 'Ann', role: 'requester', groups: ['engineers'] },
        { sub: 'b', email: 'b@example.com', name: 'Bea', role: 'auditor', groups: ['auditors'] },
      ],
      dataDir: '/tmp/data',
      startedInMs: 4200,
    });
    expect(text).toContain('ready in 4.2 s — open http://127.0.0.1:5173');
    expect(text).toMatch(/API\s+http:\/\/127\.0\.0\.1:8787/);
    expect(text).toMatch(/Ann\s+requester\s+a@example\.com\s+\[engineers\]/);
    expect(text).toMatch(/Bea\s+auditor\s+b@example\.com\s+\[auditors\]/);
    expect(text).toContain('/tmp/data');
  });
});
