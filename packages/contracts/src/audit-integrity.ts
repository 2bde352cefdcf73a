import * as z from 'zod/mini';

const day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day, YYYY-MM-DD'),
  z.refine((value) => Number.isFinite(Date.parse(`${value}T00:00:00.000Z`)), 'not a calendar day'),
);

/** Days one verification may cover: each signed day costs one Query per request it lists. */
export const MAX_VERIFY_DAYS = 31;

/** `GET /audit/integrity?from=&to=`: UTC days, both included. */
export const auditIntegrityQuerySchema = z.strictObject({ from: day, to: day }).check(
  z.superRefine((query, ctx) => {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
    if (span < 1)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (span > MAX_VERIFY_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `at most ${MAX_VERIFY_DAYS} days at a time`,
      });
  }),
);
export type AuditIntegrityQuery = z.infer<typeof auditIntegrityQuerySchema>;

export const auditFindingSchema = z.object({
  day: z.string(),
  change: z.enum(['ALTERED', 'REMOVED', 'INSERTED']),
  requestId: z.string(),
  kind: z.enum(['history', 'session']),
  /** History position ("0" = created) or session id. */
  key: z.string(),
  at: z.string(),
  /** Event type or session kind. */
  label: z.string(),
  detail: z.string(),
});

export const auditIntegrityReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** ALL_REQUESTS (the `pnpm audit:verify` command) or SIGNED_REQUESTS (this endpoint). */
  coverage: z.enum(['ALL_REQUESTS', 'SIGNED_REQUESTS']),
  intact: z.boolean(),
  /** Every day signed and intact. */
  proven: z.boolean(),
  days: z.array(
    z.object({
      day: z.string(),
      status: z.enum(['INTACT', 'CHANGED', 'UNSIGNED', 'SIGNATURE_INVALID']),
      signedEntries: z.number().check(z.int()),
      requestsChecked: z.number().check(z.int()),
      findings: z.array(auditFindingSchema),
    }),
  ),
});
export type AuditIntegrityReport = z.infer<typeof auditIntegrityReportSchema>;
