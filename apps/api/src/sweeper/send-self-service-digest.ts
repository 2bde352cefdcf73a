import type { AccessRequest, DeliveryKey, PersonRef } from '@elevate/domain';
import {
  addMinutes,
  composeSelfServiceDigest,
  DEFAULT_ACTIVE_WITHIN_DAYS,
  findAccount,
  isDigestChannel,
  isSelfServiceApproved,
  recipientsOf,
  SELF_SERVICE_DIGEST,
} from '@elevate/domain';
import { deliverOnce } from '../notifications/deliver-event';
import type { SweeperDeps } from './sweeper-deps';

/** Pages of the day's audit listing one digest reads at most (100 each). */
const MAX_DIGEST_PAGES = 50;

export interface DigestReport {
  /** Digests delivered (one per person and channel). */
  readonly sent: number;
  /** Deliveries that failed; the day's digest is tried again next run. */
  readonly pending: number;
}

/**
 * Once per UTC day, the reviewers' digest of the previous day's self-service approvals: each
 * reviewer who may see any of them (the same rule as every message: routed group, signed in
 * lately, `canSee`, never their own request) gets one e-mail listing those requests. A run claims
 * the day in the delivery ledger first, so the day's audit listing is read once a day (not every
 * sweep) and two sweepers never both send it; each person's digest is its own delivery, so a
 * failure retries only that person (the day is released and tried again next run).
 */
export async function sendSelfServiceDigest(deps: SweeperDeps): Promise<DigestReport> {
  const channels = deps.channels.map(({ channel }) => channel).filter(isDigestChannel);
  if (channels.length === 0 || deps.people === undefined) return { sent: 0, pending: 0 };
  const now = deps.clock.now();
  const today = `${now.slice(0, 10)}T00:00:00.000Z`;
  const day = addMinutes(today, -24 * 60).slice(0, 10);
  const dayKey: DeliveryKey = {
    kind: 'digest',
    requestId: `self-service/${day}`,
    version: 0,
    event: SELF_SERVICE_DIGEST,
    audience: 'reviewers',
    channel: 'day',
  };
  if ((await deps.ledger.claim(dayKey, now)) !== 'claimed') return { sent: 0, pending: 0 };
  let sent = 0;
  let pending = 0;
  try {
    const requests = await selfServiceApprovalsOf(`${day}T00:00:00.000Z`, today, deps);
    const byPerson = new Map<string, { person: PersonRef; requests: AccessRequest[] }>();
    if (requests.length > 0) {
      const groups = [...new Set(requests.flatMap((r) => r.routing.approverGroups))];
      const people = await deps.people.listMembersOf(groups);
      for (const request of requests) {
        const cause = request.history[0];
        if (cause === undefined) continue;
        const recipients = recipientsOf(
          { type: 'SELF_SERVICE_APPROVED', request, cause, version: request.version },
          { kind: 'reviewers', groups: request.routing.approverGroups },
          people,
          {
            policy: deps.policy,
            now,
            activeWithinDays: deps.activeWithinDays ?? DEFAULT_ACTIVE_WITHIN_DAYS,
          },
        );
        for (const person of recipients) {
          const entry = byPerson.get(person.sub) ?? { person, requests: [] };
          entry.requests.push(request);
          byPerson.set(person.sub, entry);
        }
      }
    }
    const log = deps.logger.child({ digest: dayKey.requestId });
    const context = {
      appUrl: deps.appUrl,
      accountNameOf: (accountId: string) => findAccount(deps.policy, accountId)?.name,
    };
    for (const { person, requests: theirs } of byPerson.values()) {
      const digest = composeSelfServiceDigest(theirs, day, context);
      for (const channel of channels) {
        const result = await deliverOnce(
          { ...dayKey, channel: channel.name, recipient: person.sub },
          () => channel.deliverDigest(digest, person),
          deps,
          log,
        );
        if (result === 'sent') sent += 1;
        if (result === 'pending') pending += 1;
      }
    }
  } catch (error) {
    await deps.ledger.release(dayKey);
    throw error;
  }
  if (pending > 0) await deps.ledger.release(dayKey);
  else await deps.ledger.complete(dayKey, now);
  return { sent, pending };
}

/** The self-service approvals created in `[from, to)`, from the audit listing. */
async function selfServiceApprovalsOf(
  from: string,
  to: string,
  deps: SweeperDeps,
): Promise<AccessRequest[]> {
  const found: AccessRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_DIGEST_PAGES; page += 1) {
    const listed = await deps.repository.listForAuditWithHistory({
      from,
      to,
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    found.push(...listed.items.filter(isSelfServiceApproved));
    cursor = listed.nextCursor;
    if (cursor === undefined) break;
  }
  return found;
}
