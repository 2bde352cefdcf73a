/**
 * The canonical, order-independent key of a set of approver groups. The store indexes pending
 * requests by it, and a reviewer's queue is the union of the keys their groups appear in.
 * JSON keeps it unambiguous whatever characters IdP group names hold.
 */
export const routingKeyOf = (approverGroups: readonly string[]): string =>
  JSON.stringify([...new Set(approverGroups)].sort());
