import {
  HASHED_ASSET_CACHE_CONTROL,
  runtimeConfigSchema,
  spaSecurityHeaders,
} from '@elevate/contracts';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  exampleConfig,
  exampleConfigData,
  logicalIdOf,
  resourcesOf,
  type TestApp,
} from '../testing/test-app';
import { contentSecurityPolicy } from './web-stack';

let built: TestApp;
let web: Template;
let distDir: string;

beforeAll(() => {
  built = buildTestApp();
  web = Template.fromStack(built.stacks.web);
  distDir = mkdtempSync(join(tmpdir(), 'elevate-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Elevate</title>');
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

function headersPolicy(comment = 'Elevate SPA security headers'): Record<string, unknown> {
  const configs = Object.values(resourcesOf(web, 'AWS::CloudFront::ResponseHeadersPolicy')).map(
    (policy) => (policy.Properties?.ResponseHeadersPolicyConfig ?? {}) as Record<string, unknown>,
  );
  return configs.find((config) => config.Comment === comment) ?? {};
}

/** The policy's CSP as one string; the API URL (the API stack's export) written as <API>. */
function cspOf(policy: Record<string, unknown>): string {
  const value = (
    policy.SecurityHeadersConfig as {
      ContentSecurityPolicy: { ContentSecurityPolicy: { 'Fn::Join': [string, unknown[]] } };
    }
  ).ContentSecurityPolicy.ContentSecurityPolicy;
  return value['Fn::Join'][1]
    .map((part) =>
      typeof part === 'string'
        ? part
        : /^elevate-api:.*ApiEndpoint/.test(
              String((part as { 'Fn::ImportValue'?: string })['Fn::ImportValue']),
            )
          ? '<API>'
          : JSON.stringify(part),
    )
    .join('');
}

/** What a browser receives from a response headers policy: each header by lower-case name. */
function headersSentBy(policy: Record<string, unknown>): Record<string, string> {
  const security = policy.SecurityHeadersConfig as {
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains?: boolean };
    FrameOptions: { FrameOption: string };
    ContentTypeOptions?: object;
    ReferrerPolicy: { ReferrerPolicy: string };
    XSSProtection?: object;
  };
  const custom = (policy.CustomHeadersConfig as { Items: { Header: string; Value: string }[] })
    .Items;
  const hsts = security.StrictTransportSecurity;
  return {
    'content-security-policy': cspOf(policy),
    'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}`,
    'x-frame-options': security.FrameOptions.FrameOption,
    ...(security.ContentTypeOptions ? { 'x-content-type-options': 'nosniff' } : {}),
    'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
    ...(security.XSSProtection
      ? { 'x-xss-protection': JSON.stringify(security.XSSProtection) }
      : {}),
    ...Object.fromEntries(custom.map((item) => [item.Header.toLowerCase(), item.Value])),
  };
}

describe('the CloudFront response headers', () => {
  it('send HSTS, frame denial, no-sniff and no referrer', () => {
    expect(headersPolicy().SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 730 * 24 * 3600,
        IncludeSubdomains: true,
        Override: true,
      },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
  });

  it('send a CSP that lets the page reach only itself, the IdP and the API', () => {
    const csp = cspOf(headersPolicy());
    expect(csp).toBe(
      [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "manifest-src 'self'",
        "connect-src 'self' <API> https://example.okta.com",
        'frame-src https://example.okta.com',
        "form-action 'self' https://example.okta.com",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        'upgrade-insecure-requests',
      ].join('; '),
    );
  });

  // The dev stack's SPA server (which the e2e journeys load the production build from) sends
  // spaSecurityHeaders on every response: CloudFront must send exactly those, no more, no fewer.
  it('send exactly the headers the dev stack’s SPA server sends, on every file', () => {
    const csp = cspOf(headersPolicy());
    expect(headersSentBy(headersPolicy())).toEqual(spaSecurityHeaders(csp));
    const { 'cache-control': cacheControl, ...assets } = headersSentBy(
      headersPolicy('Elevate SPA security headers; hashed assets are immutable'),
    );
    expect(assets).toEqual(spaSecurityHeaders(csp));
    expect(cacheControl).toBe(HASHED_ASSET_CACHE_CONTROL);
  });
});

describe('contentSecurityPolicy', () => {
  it('lists each IdP origin in connect-src, frame-src and form-action', () => {
    const csp = contentSecurityPolicy({
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      idpOrigins: ['https://cognito-idp.eu-west-1.amazonaws.com', 'https://auth.example.com'],
    });
    const directive = (name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));
    expect(directive('connect-src')).toBe(
      "connect-src 'self' https://abc.execute-api.eu-west-1.amazonaws.com https://cognito-idp.eu-west-1.amazonaws.com https://auth.example.com",
    );
    expect(directive('frame-src')).toBe(
      'frame-src https://cognito-idp.eu-west-1.amazonaws.com https://auth.example.com',
    );
    expect(directive('form-action')).toBe(
      "form-action 'self' https://cognito-idp.eu-west-1.amazonaws.com https://auth.example.com",
    );
  });
});

describe('the site bucket and distribution', () => {
  it('keep the bucket private, TLS-only and reachable only through origin access control', () => {
    const siteId = logicalIdOf(built.stacks.web.bucket);
    const site = resourcesOf(web, 'AWS::S3::Bucket')[siteId];
    expect(site?.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteId },
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
          },
        ],
      },
    });
    expect(Object.keys(resourcesOf(web, 'AWS::CloudFront::OriginAccessControl'))).toHaveLength(1);
  });

  it('answer unknown paths with the SPA’s index (403/404 → /index.html, 200)', () => {
    const distribution = Object.values(resourcesOf(web, 'AWS::CloudFront::Distribution'))[0];
    const config = distribution?.Properties?.DistributionConfig as {
      CustomErrorResponses: unknown[];
      DefaultCacheBehavior: { ViewerProtocolPolicy: string };
      Aliases: string[];
    };
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
    ]);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Aliases).toEqual(['elevate.example.com']);
  });

  it('marks the content-hashed assets immutable for a year, with the same security headers', () => {
    const distribution = Object.values(resourcesOf(web, 'AWS::CloudFront::Distribution'))[0];
    const config = distribution?.Properties?.DistributionConfig as {
      CacheBehaviors: { PathPattern: string; ResponseHeadersPolicyId: { Ref: string } }[];
    };
    const assets = config.CacheBehaviors.find((behavior) => behavior.PathPattern === '/assets/*');
    const immutable = headersPolicy('Elevate SPA security headers; hashed assets are immutable');
    expect(assets?.ResponseHeadersPolicyId.Ref).toMatch(/^HashedAssetHeaders/);
    expect(immutable.CustomHeadersConfig).toMatchObject({
      Items: expect.arrayContaining([
        { Header: 'Cache-Control', Value: 'public, max-age=31536000, immutable', Override: true },
      ]) as unknown,
    });
    expect(immutable.SecurityHeadersConfig).toEqual(headersPolicy().SecurityHeadersConfig);
    // index.html and config.json stay revalidated: only hashed names may be cached for good.
    expect(config.CacheBehaviors.map((behavior) => behavior.PathPattern).sort()).toEqual([
      '/assets/*',
      '/config.json',
    ]);
  });

  it('deploys config.json always and the SPA build only when it exists', () => {
    const deploymentsWithout = Object.keys(resourcesOf(web, 'Custom::CDKBucketDeployment'));
    expect(deploymentsWithout).toHaveLength(1);

    const withDist = buildTestApp({ webDistDir: distDir });
    const webWithDist = Template.fromStack(withDist.stacks.web);
    const deployments = resourcesOf(webWithDist, 'Custom::CDKBucketDeployment');
    expect(Object.keys(deployments)).toHaveLength(2);
    const spa = Object.entries(deployments).find(([id]) => id.startsWith('SpaFiles'))?.[1];
    expect(spa?.Properties?.Exclude).toEqual(['config.json']);
    // A tab opened before a deploy loads chunks of its own build on demand: they must stay.
    expect(spa?.Properties?.Prune).toBe(false);
  });

  it('never uploads the build’s source maps (they stay with the build, not on the site)', () => {
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(distDir, 'assets', 'index-abc123.js.map'), '{"version":3}');
    const withDist = buildTestApp({ webDistDir: distDir });
    Template.fromStack(withDist.stacks.web);
    const outdir = withDist.app.outdir;
    const staged = readdirSync(outdir)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => join(outdir, name))
      .filter((dir) => existsSync(join(dir, 'index.html')));
    expect(staged).toHaveLength(1);
    const files = readdirSync(staged[0] ?? '', { recursive: true }).map(String);
    expect(files).toContain(join('assets', 'index-abc123.js'));
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('writes config.json with the issuer, client ids, scope and the API URL (filled in at deploy)', () => {
    const { app, stacks } = buildTestApp({
      config: exampleConfig({
        idp: { ...(exampleConfigData().idp as object), scope: 'openid profile email' },
      }),
    });
    const outdir = app.synth().directory;
    const staged = readdirSync(outdir)
      .map((entry) => join(outdir, entry, 'config.json'))
      .filter((file) => existsSync(file));
    expect(staged).toHaveLength(1);
    const written = JSON.parse(readFileSync(staged[0] ?? '', 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      authority: 'https://example.okta.com/oauth2/default',
      clientId: '0oa-elevate-example',
      // For `elevate configure --url`.
      nativeClientId: '0oa-elevate-cli-example',
      scope: 'openid profile email',
    });
    // The API URL is a deploy-time value: a marker the deployment replaces with the API stack's output.
    expect(String(written.apiUrl)).toMatch(/^<<marker:0xbaba:\d+>>$/);
    const deployment = Object.values(
      resourcesOf(Template.fromStack(stacks.web), 'Custom::CDKBucketDeployment'),
    )[0];
    expect(JSON.stringify(deployment?.Properties?.SourceMarkers)).toContain('ApiEndpoint');
  });

  it('writes the provider profile’s scope, authorize and step-up parameters, readable by the SPA’s contract', () => {
    const { app } = buildTestApp({
      config: exampleConfig({
        idp: {
          ...(exampleConfigData().idp as object),
          provider: 'entra',
          issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
          clientId: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
          audience: undefined,
          groupsClaim: undefined,
          authorizeParams: { domain_hint: 'acme.example' },
        },
      }),
    });
    const outdir = app.synth().directory;
    const [file] = readdirSync(outdir)
      .map((entry) => join(outdir, entry, 'config.json'))
      .filter((candidate) => existsSync(candidate));
    const written = JSON.parse(readFileSync(file ?? '', 'utf8')) as Record<string, unknown>;
    const parsed = runtimeConfigSchema.parse({ ...written, apiUrl: 'https://api.example.com' });
    expect(parsed.scope).toBe(
      'openid profile email offline_access api://6e74172b-be56-4843-9ff4-e66a39bb12e3/access_as_user',
    );
    expect(parsed.authorizeParams).toEqual({ domain_hint: 'acme.example' });
    expect(JSON.parse(parsed.stepUp.authorizeParams['claims'] ?? '{}')).toEqual({
      id_token: { acrs: { essential: true, value: 'c1' } },
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
  });

  it('keeps the deployment handler’s logs with the configured retention, with or without the SPA build', () => {
    for (const template of [
      web,
      Template.fromStack(buildTestApp({ webDistDir: distDir }).stacks.web),
    ]) {
      const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));
      expect(functions).toHaveLength(1);
      for (const fn of functions) {
        const logGroup = (fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup
          .Ref;
        expect(
          resourcesOf(template, 'AWS::Logs::LogGroup')[logGroup]?.Properties?.RetentionInDays,
        ).toBe(built.config.logs.retentionDays);
      }
    }
  });
});
