import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  EXPORT_COLUMNS,
  EXPORT_DATASETS,
  EXPORT_PARTITION_COLUMN,
  EXPORT_QUERIES,
} from '@elevate/adapters';
import type { Construct } from 'constructs';

/** The first day partition projection offers; earlier days hold no exports. */
const EXPORTS_FIRST_DAY = '2024-01-01';

/**
 * Analytics beyond one table (docs/insights.md): the JSON Lines exports the notifier writes from
 * the stream, a Glue database with one table per dataset (partition projection on the day, so no
 * crawler and no MSCK REPAIR), and an Athena workgroup whose results are encrypted and expire.
 */
export class AnalyticsStack extends Stack {
  readonly exportsBucket: s3.Bucket;
  readonly key: kms.Key;
  readonly workGroup: athena.CfnWorkGroup;
  readonly databaseName: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.key = new kms.Key(this, 'ExportsKey', {
      description: 'Encrypts Elevate exports and Athena query results',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The exports are a copy of the audit history: kept, versioned, never public.
    this.exportsBucket = new s3.Bucket(this, 'Exports', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'exports/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const results = new s3.Bucket(this, 'QueryResults', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'results/',
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    // Glue names: lower case and underscores; derived from the stack so two stages never collide.
    this.databaseName = `${this.stackName.toLowerCase().replace(/[^a-z0-9]+/gu, '_')}`;
    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId: this.account,
      databaseInput: {
        name: this.databaseName,
        description: 'Elevate request events and sessions exported as JSON Lines',
      },
    });
    for (const dataset of EXPORT_DATASETS) {
      const location = `s3://${this.exportsBucket.bucketName}/${dataset}/`;
      const table = new glue.CfnTable(this, `${dataset}Table`, {
        catalogId: this.account,
        databaseName: this.databaseName,
        tableInput: {
          name: dataset,
          tableType: 'EXTERNAL_TABLE',
          parameters: {
            classification: 'json',
            'projection.enabled': 'true',
            [`projection.${EXPORT_PARTITION_COLUMN}.type`]: 'date',
            [`projection.${EXPORT_PARTITION_COLUMN}.format`]: 'yyyy-MM-dd',
            [`projection.${EXPORT_PARTITION_COLUMN}.range`]: `${EXPORTS_FIRST_DAY},NOW`,
            [`projection.${EXPORT_PARTITION_COLUMN}.interval`]: '1',
            [`projection.${EXPORT_PARTITION_COLUMN}.interval.unit`]: 'DAYS',
            'storage.location.template': `${location}${EXPORT_PARTITION_COLUMN}=\${${EXPORT_PARTITION_COLUMN}}`,
          },
          partitionKeys: [{ name: EXPORT_PARTITION_COLUMN, type: 'string' }],
          storageDescriptor: {
            location,
            inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
            columns: Object.entries(EXPORT_COLUMNS[dataset]).map(([name, type]) => ({
              name,
              type,
            })),
          },
        },
      });
      table.addDependency(database);
    }

    this.workGroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: `${this.stackName}-insights`,
      description: 'Elevate Insights: queries over the exports (docs/insights.md)',
      state: 'ENABLED',
      workGroupConfiguration: {
        // Clients cannot send results elsewhere or unencrypted.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: `s3://${results.bucketName}/`,
          encryptionConfiguration: {
            encryptionOption: 'SSE_KMS',
            kmsKey: this.key.keyArn,
          },
        },
      },
    });
    // The documented queries, ready in the console; `?` are the first and last day (execution parameters).
    for (const [name, query] of Object.entries(EXPORT_QUERIES)) {
      const named = new athena.CfnNamedQuery(this, `Query-${name}`, {
        name,
        description: `${query.description} (parameters: first day, last day, YYYY-MM-DD)`,
        database: this.databaseName,
        workGroup: this.workGroup.ref,
        queryString: query.sql.replaceAll("'{{from}}'", '?').replaceAll("'{{to}}'", '?'),
      });
      named.addDependency(this.workGroup);
      named.addDependency(database);
    }
  }
}
