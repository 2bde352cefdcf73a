import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { TABLE_INDEXES, TABLE_TTL_ATTRIBUTE } from '@elevate/adapters';
import type { Construct } from 'constructs';
import { AuditDigestStore } from '../constructs/audit-digest-store';

/** The global secondary indexes the store fits its access patterns into (declared by the store). */
export const TABLE_INDEX_NAMES = TABLE_INDEXES;

/**
 * Stateful resources only, so the API can be replaced freely: one table holding requests, their
 * history and issued sessions. Audit history is the product, so it is retained and protected.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  /** The signed daily digests of the table's audit hash chains, and their signing key. */
  readonly auditDigests: AuditDigestStore;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The notifier reacts to transitions and needs both sides of each change.
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      // Only short-lived bookkeeping (accepted Slack signatures, handled sweep checks) carries this attribute; requests,
      // history, sessions and delivery markers never do, so TTL deletes no audit record.
      timeToLiveAttribute: TABLE_TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.auditDigests = new AuditDigestStore(this, 'AuditDigests');
    for (const indexName of TABLE_INDEX_NAMES) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: `${indexName}PK`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${indexName}SK`, type: dynamodb.AttributeType.STRING },
        // Whole items: every page is one Query of its index (decision 0008).
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
