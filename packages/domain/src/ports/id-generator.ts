/** New unique request ids (sortable by creation time is welcome, e.g. ULID, but not relied on). */
export interface IdGenerator {
  next(): string;
}
