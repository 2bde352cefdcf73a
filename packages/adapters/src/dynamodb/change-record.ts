import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * One change of the table as a DynamoDB Stream (NEW_AND_OLD_IMAGES) delivers it to Lambda: images
 * in DynamoDB JSON. The local change feed emits exactly this shape so one handler serves both.
 */
export interface ChangeRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly eventVersion: string;
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    readonly ApproximateCreationDateTime: number;
    readonly Keys: Record<string, AttributeValue>;
    readonly NewImage?: Record<string, AttributeValue>;
    readonly OldImage?: Record<string, AttributeValue>;
    readonly SequenceNumber: string;
    readonly SizeBytes: number;
    readonly StreamViewType: 'NEW_AND_OLD_IMAGES';
  };
}
