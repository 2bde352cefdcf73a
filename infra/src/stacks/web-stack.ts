import {
  contentSecurityPolicy,
  HASHED_ASSET_CACHE_CONTROL,
  HASHED_ASSET_DIR,
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
  RUNTIME_CONFIG_FILE,
  runtimeConfigFor,
} from '@elevate/contracts';
import { existsSync } from 'node:fs';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../config/deploy-config-schema';
import { acknowledge, arnReference } from '../nag/acknowledge';

export interface WebStackProps extends StackProps {
  readonly config: DeployConfig;
  /** The API's base URL (`https://<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiUrl: string;
  /** The SPA's build output; deployed only when it exists, so synth never needs a web build. */
  readonly webDistDir: string;
}

// The SPA's headers and paths are the contracts' (the dev stack's static server sends the same).
export { contentSecurityPolicy };

/**
 * The SPA build's source maps (vite's `sourcemap: 'hidden'`): kept in the build for triage, never
 * uploaded, so the site does not publish the original source. Staged out of the asset itself, so
 * pruning also removes maps an older deploy left behind.
 */
const SOURCE_MAP_PATTERNS = ['*.map', '**/*.map'];

/** The IdP origins the browser talks to: the issuer's, plus any the config adds (Cognito's domain). */
function idpOrigins(config: DeployConfig): string[] {
  return [...new Set([new URL(config.idp.issuer).origin, ...config.idp.browserOrigins])];
}

/** The SPA: a private bucket behind CloudFront with origin access control and strict headers. */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior = {
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy({
          apiUrl: props.apiUrl,
          idpOrigins: idpOrigins(config),
        }),
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
        includeSubdomains: true,
        override: true,
      },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: {
        referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER,
        override: true,
      },
    };
    const customHeaders: cloudfront.ResponseCustomHeader[] = [
      { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
      {
        header: 'Permissions-Policy',
        value: PERMISSIONS_POLICY,
        override: true,
      },
    ];
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Elevate SPA security headers',
      securityHeadersBehavior,
      customHeadersBehavior: { customHeaders },
    });
    // Vite names every built asset by its content hash: a changed file is a new URL, so browsers
    // may keep these for a year without asking again (repeat visits then load no code at all).
    const hashedAssetHeaders = new cloudfront.ResponseHeadersPolicy(this, 'HashedAssetHeaders', {
      comment: 'Elevate SPA security headers; hashed assets are immutable',
      securityHeadersBehavior,
      customHeadersBehavior: {
        customHeaders: [
          ...customHeaders,
          { header: 'Cache-Control', value: HASHED_ASSET_CACHE_CONTROL, override: true },
        ],
      },
    });

    const domain =
      config.spa.domainName !== undefined && config.spa.certificateArn !== undefined
        ? {
            domainNames: [config.spa.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              config.spa.certificateArn,
            ),
          }
        : {};

    // One origin (and one origin access control) for every behaviour.
    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Elevate SPA',
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        [`/${HASHED_ASSET_DIR}/*`]: {
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: hashedAssetHeaders,
          compress: true,
        },
        // Fetched on every load so a new deploy's settings apply at once.
        [`/${RUNTIME_CONFIG_FILE}`]: {
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headers,
        },
      },
      // Client-side routes: any unknown path is the SPA's index (S3 answers 403 for missing keys).
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      ...domain,
    });

    // The deployment handler's logs, kept as long as the functions' (CDK would keep them forever).
    const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: config.logs.retentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new s3deploy.BucketDeployment(this, 'RuntimeConfig', {
      logGroup: deploymentLogs,
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.jsonData(
          RUNTIME_CONFIG_FILE,
          runtimeConfigFor({
            authority: config.idp.issuer,
            clientId: config.idp.clientId,
            apiUrl: props.apiUrl,
            settings: config.idp.settings,
            nativeClientId: config.idp.nativeClientId,
            nativeRedirectUri: config.idp.nativeRedirectUri,
          }),
        ),
      ],
      // Leave the SPA's files alone; this deployment owns config.json only.
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: [`/${RUNTIME_CONFIG_FILE}`],
    });

    if (existsSync(props.webDistDir)) {
      new s3deploy.BucketDeployment(this, 'SpaFiles', {
        logGroup: deploymentLogs,
        destinationBucket: this.bucket,
        sources: [s3deploy.Source.asset(props.webDistDir, { exclude: SOURCE_MAP_PATTERNS })],
        exclude: [RUNTIME_CONFIG_FILE],
        // Earlier builds' hashed files stay: a tab opened before this deploy still loads its pages'
        // chunks and oidc-client-ts on demand, and deleted ones would come back as index.html.
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
    }

    this.acknowledgeFindings(config);

    new CfnOutput(this, 'SpaUrl', {
      value:
        config.spa.domainName !== undefined
          ? `https://${config.spa.domainName}`
          : `https://${this.distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'DistributionDomainName', {
      description: 'Point the custom domain (CNAME/alias) here',
      value: this.distribution.distributionDomainName,
    });
  }

  private acknowledgeFindings(config: DeployConfig): void {
    acknowledge(
      this.distribution,
      ['AwsSolutions-CFR1'],
      'Staff sign in from wherever they work; access is decided by the IdP and the policy, not by country.',
    );
    acknowledge(
      this.distribution,
      ['AwsSolutions-CFR2'],
      'The distribution serves only static files and config.json (no secrets); the API behind it authenticates every call and is throttled. Attach a us-east-1 WAF web ACL if your organisation mandates one.',
    );
    if (config.spa.domainName === undefined) {
      acknowledge(
        this.distribution,
        ['AwsSolutions-CFR4'],
        'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum protocol cannot be raised; set spa.domainName and spa.certificateArn to enforce TLS 1.2.',
      );
    }
    // BucketDeployment's handler is a CDK-provided singleton; its role and runtime are CDK's.
    const handlers = this.node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const siteObjects = `${arnReference(this.bucket.node.defaultChild as s3.CfnBucket)}/*`;
    const assets = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${this.account}-${this.region}/*`;
    for (const handler of handlers) {
      acknowledge(
        handler,
        ['AwsSolutions-L1'],
        'The BucketDeployment handler runtime is chosen and updated by aws-cdk-lib, not by this app.',
      );
      acknowledge(
        handler,
        [
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ],
        'CDK-provided deployment handler; the managed policy only lets it write its own logs.',
      );
      acknowledge(
        handler,
        [
          'AwsSolutions-IAM5[Action::s3:GetObject*]',
          'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          'AwsSolutions-IAM5[Action::s3:List*]',
          'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          'AwsSolutions-IAM5[Action::s3:Abort*]',
          `AwsSolutions-IAM5[Resource::${siteObjects}]`,
          `AwsSolutions-IAM5[Resource::${assets}]`,
          'AwsSolutions-IAM5[Resource::*]',
        ],
        'CDK-provided deployment handler: copies the SPA from the CDK asset bucket into the site bucket (object wildcards on those two buckets only) and invalidates the distribution (CloudFront invalidation actions take no resource ARN).',
      );
    }
  }
}
