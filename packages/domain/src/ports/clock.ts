/** The time source; tests freeze it. */
export interface Clock {
  /** Now as ISO-8601 UTC, e.g. 2025-01-31T09:15:00.000Z. */
  now(): string;
}
