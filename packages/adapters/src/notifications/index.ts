export { readRequestChange, UnreadableStreamRecordError } from './stream-record';
export type { RequestChange } from './stream-record';
export {
  SnsNotificationChannel,
  SNS_MAX_MESSAGE_BYTES,
  machineBodyOf,
  messageAttributesOf,
} from './sns-notification-channel';
export { SlackWebhookChannel, escapeMrkdwn, slackTextOf } from './slack-webhook-channel';
export { DevMailbox, mailboxEntrySchema } from './dev-mailbox';
export type { MailboxDirectory, MailboxEntry } from './dev-mailbox';
export { DynamoDbDeliveryLedger } from './dynamodb-delivery-ledger';
export { InMemoryDeliveryLedger } from './in-memory-delivery-ledger';
export { deliveryKeyOf, DELIVERY_SK_PREFIX } from './delivery-marker';
export { failedStreamBatchSchema, StreamBatchReader } from './stream-batch-reader';
export type { FailedStreamBatch } from './stream-batch-reader';
