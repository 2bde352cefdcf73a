import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * How long no one — the account root included — can change or delete a signed digest. Compliance
 * mode cannot be shortened once set; raise it to what your regulator asks (e.g. 7 years for SOX).
 */
export const AUDIT_DIGEST_RETENTION_DAYS = 400;

/**
 * Where the daily audit digests go and what signs them (docs/threat-model.md): an S3 bucket with
 * Object Lock in compliance mode, and an asymmetric KMS key (ECC P-256, sign/verify) whose private
 * half never leaves KMS. Both are retained with the table: they prove its history.
 */
export class AuditDigestStore extends Construct {
  readonly bucket: s3.Bucket;
  readonly signingKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(AUDIT_DIGEST_RETENTION_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Digests', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(
        Duration.days(AUDIT_DIGEST_RETENTION_DAYS),
      ),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'digests/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.signingKey = new kms.Key(this, 'SigningKey', {
      description: 'Elevate: signs the daily audit digests (ECDSA P-256)',
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
