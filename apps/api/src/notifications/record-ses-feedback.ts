import type { SuppressionList } from '@elevate/domain';
import * as z from 'zod/mini';
import type { Logger } from '../logger';

/** The parts of an SES event (configuration-set event destination → SNS) that matter here. */
const sesEventSchema = z.object({
  eventType: z.string(),
  mail: z.optional(z.object({ timestamp: z.optional(z.string()) })),
  bounce: z.optional(
    z.object({
      bounceType: z.string(),
      timestamp: z.optional(z.string()),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
    }),
  ),
  complaint: z.optional(
    z.object({
      timestamp: z.optional(z.string()),
      complainedRecipients: z.array(z.object({ emailAddress: z.string() })),
    }),
  ),
});

/** One SNS record as Lambda hands it over: the SES event is the JSON in `Sns.Message`. */
export interface SnsRecordLike {
  readonly Sns: { readonly Message: string; readonly Timestamp?: string };
}

/**
 * Records what SES reported: a permanent bounce or a complaint puts each address on Elevate's
 * suppression list, so it is never mailed again (transient bounces are not: the mailbox may come
 * back). Unreadable records are logged by their problem's field paths and skipped — retrying
 * would not make them readable. Returns how many addresses were suppressed.
 */
export async function recordSesFeedback(
  records: readonly SnsRecordLike[],
  deps: {
    readonly suppressions: SuppressionList;
    readonly logger: Logger;
    readonly now: () => string;
  },
): Promise<number> {
  let suppressed = 0;
  for (const record of records) {
    let json: unknown;
    try {
      json = JSON.parse(record.Sns.Message);
    } catch {
      deps.logger.warn('ses feedback is not JSON');
      continue;
    }
    const parsed = sesEventSchema.safeParse(json);
    if (!parsed.success) {
      deps.logger.warn('ses feedback unreadable', {
        problem: parsed.error.issues.map((issue) => issue.path.join('.')).join(', '),
      });
      continue;
    }
    const event = parsed.data;
    const at = record.Sns.Timestamp ?? deps.now();
    if (event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
      for (const { emailAddress } of event.bounce.bouncedRecipients) {
        await deps.suppressions.suppress(emailAddress, 'bounce', at);
        suppressed += 1;
      }
    } else if (event.eventType === 'Complaint' && event.complaint !== undefined) {
      for (const { emailAddress } of event.complaint.complainedRecipients) {
        await deps.suppressions.suppress(emailAddress, 'complaint', at);
        suppressed += 1;
      }
    }
  }
  // Counts only: addresses are personal data and stay out of the logs.
  if (suppressed > 0) deps.logger.info('addresses suppressed after SES feedback', { suppressed });
  return suppressed;
}
