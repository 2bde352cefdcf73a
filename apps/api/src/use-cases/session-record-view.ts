import type { SessionRecordView } from '@elevate/contracts';
import type { SessionRecord } from '@elevate/domain';

/** A session record as the request view and audit timeline show it (field by field: nothing else leaks). */
export const toSessionRecordView = (session: SessionRecord): SessionRecordView => ({
  id: session.id,
  requestId: session.requestId,
  kind: session.kind,
  roleArn: session.roleArn,
  accountId: session.accountId,
  accessKeyId: session.accessKeyId,
  expiresAt: session.expiresAt,
  region: session.region,
  ...(session.sourceIp === undefined ? {} : { sourceIp: session.sourceIp }),
  ...(session.userAgent === undefined ? {} : { userAgent: session.userAgent }),
  issuedAt: session.issuedAt,
  issuedBy: {
    sub: session.issuedBy.sub,
    email: session.issuedBy.email,
    name: session.issuedBy.name,
  },
  roleSessionName: session.roleSessionName,
  sourceIdentity: session.sourceIdentity,
});
