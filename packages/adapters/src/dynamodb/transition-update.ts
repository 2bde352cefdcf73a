import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, TransitionWrite } from '@elevate/domain';
import { genesisHashOf, historyChainOf, historyEntryHashOf } from '@elevate/domain';
import { indexAttributesOf, keyOf } from './request-item';

/** How a transition treats each field: keep as created, set (or remove when absent), or special. */
type FieldRule = 'immutable' | 'set' | 'append' | 'version';

// Record<keyof AccessRequest, …> makes a new field of the domain a compile error here until it is placed.
const FIELD_RULES: Record<keyof AccessRequest, FieldRule> = {
  id: 'immutable',
  // Accepting an invitation replaces the invited address with the engineer's verified identity.
  requester: 'set',
  accountId: 'immutable',
  roleName: 'immutable',
  createdAt: 'immutable',
  justification: 'set',
  ticket: 'set',
  requestedDurationMinutes: 'set',
  scheduledStart: 'set',
  status: 'set',
  breakGlass: 'set',
  postAccessReview: 'set',
  routing: 'set',
  decisions: 'set',
  approvedAt: 'set',
  closedAt: 'set',
  pendingExpiresAt: 'set',
  approvedByPolicy: 'set',
  extensions: 'set',
  invitation: 'set',
  updatedAt: 'set',
  version: 'version',
  history: 'append',
};

/** A write that does not describe one step (a bug in the caller) throws rather than storing nonsense. */
export const checkTransitionWrite = (write: TransitionWrite): void => {
  if (write.request.version !== write.expected.version + 1) {
    throw new Error(
      `Transition of ${write.request.id} must bump version ${write.expected.version} by one, got ${write.request.version}`,
    );
  }
  const last = write.request.history.at(-1);
  if (last === undefined || JSON.stringify(last) !== JSON.stringify(write.event)) {
    throw new Error(
      `Transition of ${write.request.id} must end its history with the event it appends`,
    );
  }
  if (write.event.statusAfter !== write.request.status) {
    throw new Error(
      `Transition of ${write.request.id}: event statusAfter ${write.event.statusAfter} ≠ status ${write.request.status}`,
    );
  }
};

/**
 * The one conditional UpdateItem of a transition: only if the stored status and version are still
 * the expected ones, set the changed fields, bump the version, append the event to the stored
 * history, and move the index entries (e.g. a request leaving PENDING drops out of GSI2).
 */
export const transitionUpdateOf = (
  tableName: string,
  write: TransitionWrite,
): UpdateCommandInput => {
  checkTransitionWrite(write);
  const { request } = write;
  const priorChain = historyChainOf(request.id, request.history.slice(0, -1));
  const names: Record<string, string> = {
    '#status': 'status',
    '#version': 'version',
    '#history': 'history',
    '#chain': 'chain',
  };
  const values: Record<string, unknown> = {
    ':expectedStatus': write.expected.status,
    ':expectedVersion': write.expected.version,
    ':nextVersion': request.version,
    ':event': [write.event],
    // The event's audit-chain hash links to the head of the history it extends; the version
    // condition guarantees that history is the stored one, so chain and history move together.
    ':chainEntry': [
      historyEntryHashOf(priorChain.at(-1) ?? genesisHashOf(request.id), write.event),
    ],
    // An item written before the chain existed gets the chain of its history as it stands now, so
    // hash i stays the hash of event i (its earlier events are vouched for from here on only).
    ':priorChain': priorChain,
  };
  const sets = [
    '#version = :nextVersion',
    '#history = list_append(#history, :event)',
    '#chain = list_append(if_not_exists(#chain, :priorChain), :chainEntry)',
  ];
  const removes: string[] = [];
  const place = (attribute: string, value: unknown): void => {
    const name = `#${attribute}`;
    names[name] = attribute;
    if (value === undefined) {
      removes.push(name);
    } else {
      values[`:${attribute}`] = value;
      sets.push(`${name} = :${attribute}`);
    }
  };
  for (const [field, rule] of Object.entries(FIELD_RULES) as [keyof AccessRequest, FieldRule][]) {
    if (rule === 'set') place(field, request[field]);
  }
  for (const [attribute, value] of Object.entries(indexAttributesOf(request)))
    place(attribute, value);
  return {
    TableName: tableName,
    Key: keyOf(request.id),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression:
      'attribute_exists(PK) AND #status = :expectedStatus AND #version = :expectedVersion',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
  };
};
