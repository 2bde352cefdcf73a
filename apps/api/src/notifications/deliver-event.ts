import type { DeliveryKey, NotificationContext, NotificationEvent } from '@elevate/domain';
import { audiencesFor, composeNotification, findAccount } from '@elevate/domain';
import { errorFields } from '../logger';
import { METRIC } from '../observability/operational-metrics';
import type { NotifierDeps } from './notifier-deps';

/** How a delivery went: `pending` means it must be tried again (failed, or someone else holds it). */
type DeliveryResult = 'sent' | 'skipped' | 'pending';

export interface EventDelivery {
  readonly sent: number;
  /** Required deliveries that did not happen; the caller reports the record for a retry. */
  readonly pending: number;
}

const contextOf = (event: NotificationEvent, deps: NotifierDeps): NotificationContext => {
  const account = findAccount(deps.policy, event.request.accountId);
  return {
    appUrl: deps.appUrl,
    ...(account === undefined ? {} : { account: { name: account.name, tags: account.tags } }),
  };
};

/** One reminder per request, whatever version it has reached by the time the sweeper looks. */
const keyVersionOf = (event: NotificationEvent): number =>
  event.type === 'PENDING_REMINDER' ? 0 : event.version;

/**
 * Delivers one event to each audience through each channel, once: every delivery is claimed in the
 * ledger first, completed after the channel accepted it, and released when it failed so a retry
 * can send it. Already-delivered ones are skipped — redelivered records publish nothing twice.
 */
export async function deliverEvent(
  event: NotificationEvent,
  deps: NotifierDeps,
): Promise<EventDelivery> {
  const context = contextOf(event, deps);
  const audiences = audiencesFor(event);
  const log = deps.logger.child({
    requestId: event.request.id,
    version: event.version,
    eventType: event.type,
  });
  let sent = 0;
  let pending = 0;
  for (const { channel, bestEffort = false } of deps.channels) {
    const targets = channel.scope === 'event' ? audiences.slice(0, 1) : audiences;
    for (const audience of targets) {
      const key: DeliveryKey = {
        requestId: event.request.id,
        version: keyVersionOf(event),
        event: event.type,
        audience: channel.scope === 'event' ? 'all' : audience.kind,
        channel: channel.name,
      };
      const result = await deliverOnce(
        key,
        () => channel.deliver(composeNotification(event, audience, context)),
        deps,
        log,
      );
      if (result === 'sent') sent += 1;
      if (result === 'pending' && !bestEffort) pending += 1;
    }
  }
  return { sent, pending };
}

async function deliverOnce(
  key: DeliveryKey,
  send: () => Promise<void>,
  deps: NotifierDeps,
  log: NotifierDeps['logger'],
): Promise<DeliveryResult> {
  const fields = { channel: key.channel, audience: key.audience };
  const claim = await deps.ledger.claim(key, deps.clock.now());
  if (claim === 'done') {
    log.debug('already delivered', fields);
    return 'skipped';
  }
  if (claim === 'busy') {
    log.info('delivery in progress elsewhere; will retry', fields);
    return 'pending';
  }
  try {
    await send();
  } catch (error) {
    // Names and messages of SDK/HTTP errors only: the message itself (user text) is never logged.
    log.warn('delivery failed', { ...fields, ...errorFields(error), stack: undefined });
    deps.metrics?.count(METRIC.notificationFailures, { name: 'channel', value: key.channel });
    await deps.ledger.release(key);
    return 'pending';
  }
  await deps.ledger.complete(key, deps.clock.now());
  log.info('delivered', fields);
  deps.metrics?.count(METRIC.notificationsDelivered, { name: 'channel', value: key.channel });
  return 'sent';
}
