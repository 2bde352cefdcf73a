/** How much one export may hold. */
export interface AuditExportLimits {
  /** Data rows (the header not counted). */
  maxRows: number;
  /** The file's size as it travels in a Lambda response (JSON-escaped UTF-8). */
  maxBytes: number;
}

/**
 * On Lambda the whole response is buffered and capped at 6 MB (the body travels JSON-escaped);
 * past that API Gateway answers a bare 5xx. These leave room for headers and the envelope.
 */
export const DEFAULT_AUDIT_EXPORT_LIMITS: AuditExportLimits = {
  maxRows: 20_000,
  maxBytes: 5_000_000,
};
