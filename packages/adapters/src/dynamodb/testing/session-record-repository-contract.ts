// The one contract every SessionRecordRepository passes (in-memory and DynamoDB/dynalite).
import type { SessionRecord, SessionRecordRepository } from '@elevate/domain';
import { describe, expect, it } from 'vitest';

export interface SessionContractSubject {
  readonly repository: SessionRecordRepository;
}

/** A fake AccessKeyId shaped like STS's, built at runtime (no key-shaped literals in source). */
const fakeAccessKeyId = (n: number): string =>
  ['AS', 'IA', 'TEST', String(n).padStart(12, '0')].join('');

export const sessionRecord = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 'ses-0001',
  requestId: 'req-0001',
  kind: 'cli',
  issuedBy: { sub: 'user-alice', email: 'alice@example.com', name: 'Alice Requester' },
  roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
  accountId: '111111111111',
  accessKeyId: fakeAccessKeyId(1),
  roleSessionName: 'alice@example.com-PowerUser',
  sourceIdentity: 'alice@example.com',
  expiresAt: '2030-01-01T10:00:00.000Z',
  region: 'eu-west-1',
  sourceIp: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (test)',
  issuedAt: '2030-01-01T09:00:00.000Z',
  ...overrides,
});

export function describeSessionRecordRepositoryContract(
  name: string,
  subject: () => Promise<SessionContractSubject>,
): void {
  describe(`SessionRecordRepository contract: ${name}`, () => {
    it('returns a recorded session with exactly the fields it was given', async () => {
      const { repository } = await subject();
      const session = sessionRecord();
      expect(await repository.record(session)).toEqual({ ok: true, value: session });
      expect(await repository.listForRequest('req-0001')).toEqual([session]);
    });

    it('keeps the optional source IP and user agent optional', async () => {
      const { repository } = await subject();
      const { sourceIp: _ip, userAgent: _ua, ...bare } = sessionRecord();
      expect((await repository.record(bare)).ok).toBe(true);
      const [stored] = await repository.listForRequest('req-0001');
      expect(stored).toEqual(bare);
    });

    it('never overwrites a recorded session', async () => {
      const { repository } = await subject();
      await repository.record(sessionRecord());
      const again = await repository.record(sessionRecord({ accessKeyId: fakeAccessKeyId(2) }));
      expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
      const [stored] = await repository.listForRequest('req-0001');
      expect(stored?.accessKeyId).toBe(fakeAccessKeyId(1));
    });

    it('lists only the request’s own sessions, oldest first', async () => {
      const { repository } = await subject();
      await repository.record(
        sessionRecord({ id: 'ses-b', issuedAt: '2030-01-01T09:30:00.000Z', kind: 'console' }),
      );
      await repository.record(sessionRecord({ id: 'ses-a', issuedAt: '2030-01-01T09:05:00Z' }));
      await repository.record(sessionRecord({ id: 'ses-other', requestId: 'req-0002' }));
      // A request id that is a prefix of another must not pick up the other's sessions.
      await repository.record(sessionRecord({ id: 'ses-longer', requestId: 'req-00011' }));
      const listed = await repository.listForRequest('req-0001');
      expect(listed.map((s) => s.id)).toEqual(['ses-a', 'ses-b']);
      expect(listed[0]?.issuedAt).toBe('2030-01-01T09:05:00.000Z');
      expect(await repository.listForRequest('req-0003')).toEqual([]);
    });

    it('refuses a record that is not one (bad ARN, times or key) and stores nothing', async () => {
      const { repository } = await subject();
      for (const bad of [
        sessionRecord({ roleArn: 'PowerUser' }),
        sessionRecord({ issuedAt: 'yesterday' }),
        sessionRecord({ accessKeyId: 'short' }),
        sessionRecord({ roleSessionName: 'has spaces in it' }),
      ]) {
        await expect(repository.record(bad)).rejects.toThrow();
      }
      expect(await repository.listForRequest('req-0001')).toEqual([]);
    });

    it('drops anything that is not a session field, so secrets handed in by mistake are not kept', async () => {
      const { repository } = await subject();
      const secret = ['not', 'a', 'real', 'secret'].join('-');
      const withSecrets = {
        ...sessionRecord(),
        secretAccessKey: secret,
        sessionToken: secret,
        url: `https://signin.aws.amazon.com/federation?SigninToken=${secret}`,
      };
      await repository.record(withSecrets);
      const listed = await repository.listForRequest('req-0001');
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(listed).toEqual([sessionRecord()]);
    });
  });
}
