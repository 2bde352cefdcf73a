export { readRequestChange, UnreadableStreamRecordError } from './stream-record';
export type { RequestChange } from './stream-record';
export {
  SnsNotificationChannel,
  SNS_MAX_MESSAGE_BYTES,
  machineBodyOf,
  messageAttributesOf,
} from './sns-notification-channel';
export { SlackWebhookChannel, slackTextOf } from './slack-webhook-channel';
export { DevMailbox, mailboxEntrySchema } from './dev-mailbox';
export type { MailboxEntry } from './dev-mailbox';
export { DynamoDbDeliveryLedger } from './dynamodb-delivery-ledger';
export { deliveryKeyOf, DELIVERY_SK_PREFIX } from './delivery-marker';
export { failedStreamBatchSchema, StreamBatchReader } from './stream-batch-reader';
export type { FailedStreamBatch } from './stream-batch-reader';
export { SesEmailChannel } from './ses-email-channel';
export type { SesEmailOptions } from './ses-email-channel';
export { CachedSecret } from './secret-cache';
export {
  SLACK_SIGNATURE_WINDOW_SECONDS,
  slackSignatureOf,
  verifySlackRequest,
} from './slack-signature';
export type { ReplayGuard, SlackSignedRequest, SlackVerification } from './slack-signature';
export { DynamoDbReplayGuard } from './dynamodb-replay-guard';
export { SlackApi, SlackApiError } from './slack-api';
export type { SlackAppSecret } from './slack-api';
export { DynamoDbChatPostStore } from './chat-post-store';
export type { ChatPost, ChatPostStore } from './chat-post-store';
export { SlackDirectChannel, SlackRoomChannel, slackChannelOf } from './slack-app-channels';
export type { SlackChannelRoutes } from './slack-app-channels';
export { TeamsWorkflowChannel } from './teams-workflow-channel';
export { DevChatRoom, chatPostSchema } from './dev-chat';
export type { ChatPost as DevChatPost } from './dev-chat';
export { DynamoDbNoticeSchedule } from './dynamodb-notice-schedule';
