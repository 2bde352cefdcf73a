import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import {
  assertCredentialScope,
  assertRequestDateFresh,
  assertSignatureMatches,
  computeSignature,
  readSigV4Request,
  type WireRequest,
} from './sigv4';

interface CapturedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

const secretAccessKey = ['test', 'secret', 'for', 'sigv4', 'unit', 'tests'].join('-');

/** Lets the real SDK sign an AssumeRole request and hands it over instead of sending it. */
async function sdkSignedRequest(signedAt: Date): Promise<WireRequest> {
  let captured: CapturedRequest | undefined;
  const client = new STSClient({
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    systemClockOffset: signedAt.getTime() - Date.now(),
    credentials: { accessKeyId: 'AKIDSIGV4UNITTEST001', secretAccessKey },
    requestHandler: {
      handle: (request: CapturedRequest) => {
        captured = request;
        return Promise.reject(new Error('captured, not sent'));
      },
    },
  });
  await expect(
    client.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
        RoleSessionName: 'alice@example.com',
      }),
    ),
  ).rejects.toThrow('captured, not sent');
  if (!captured) throw new Error('the SDK sent nothing');
  return {
    method: captured.method,
    url: captured.path,
    rawHeaders: Object.entries(captured.headers).flat(),
    body: Buffer.from(String(captured.body)),
  };
}

describe('SigV4 verification', () => {
  it("reproduces the AWS SigV4 test suite's get-vanilla signature", () => {
    const request: WireRequest = {
      method: 'GET',
      url: '/',
      rawHeaders: ['Host', 'example.amazonaws.com', 'X-Amz-Date', '20150830T123600Z'],
      body: Buffer.alloc(0),
    };
    const signed = {
      authorization: {
        accessKeyId: 'AKIDEXAMPLE',
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'service',
        signedHeaders: ['host', 'x-amz-date'],
        signature: '',
      },
      amzDate: '20150830T123600Z',
      requestDate: new Date('2015-08-30T12:36:00Z'),
      securityToken: undefined,
    };
    const exampleSecret = ['wJalrXUtnFEMI', 'K7MDENG+bPxRfiCYEXAMPLEKEY'].join('/');
    expect(computeSignature(request, signed, exampleSecret)).toBe(
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('accepts a request signed by the AWS SDK', async () => {
    const now = new Date();
    const request = await sdkSignedRequest(now);
    const signed = readSigV4Request(request);
    expect(signed.authorization).toMatchObject({
      accessKeyId: 'AKIDSIGV4UNITTEST001',
      region: 'eu-west-1',
      service: 'sts',
    });
    expect(() => assertRequestDateFresh(signed, now)).not.toThrow();
    expect(() => assertCredentialScope(signed, 'eu-west-1', 'sts')).not.toThrow();
    expect(() => assertSignatureMatches(request, signed, secretAccessKey)).not.toThrow();
  });

  it('refuses an SDK-signed request whose body, signed header or secret was changed', async () => {
    const request = await sdkSignedRequest(new Date());
    const signed = readSigV4Request(request);
    const tamperedBody = {
      ...request,
      body: Buffer.from(request.body.toString().replace('ReadOnly', 'Administrator')),
    };
    expect(
      thrownStsError(() => assertSignatureMatches(tamperedBody, signed, secretAccessKey)).code,
    ).toBe('SignatureDoesNotMatch');
    const otherHost = {
      ...request,
      rawHeaders: request.rawHeaders.map((v) => v.replace('127.0.0.1:9', '127.0.0.1:10')),
    };
    expect(otherHost.rawHeaders).toContain('127.0.0.1:10');
    expect(
      thrownStsError(() => assertSignatureMatches(otherHost, signed, secretAccessKey)).code,
    ).toBe('SignatureDoesNotMatch');
    expect(
      thrownStsError(() => assertSignatureMatches(request, signed, `${secretAccessKey}x`)).status,
    ).toBe(403);
  });

  it('refuses requests dated more than 15 minutes from our clock, either way', async () => {
    const now = new Date();
    const signed = readSigV4Request(await sdkSignedRequest(now));
    expect(() =>
      assertRequestDateFresh(signed, new Date(now.getTime() + 14 * 60_000)),
    ).not.toThrow();
    expect(
      thrownStsError(() => assertRequestDateFresh(signed, new Date(now.getTime() + 16 * 60_000)))
        .message,
    ).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    expect(
      thrownStsError(() => assertRequestDateFresh(signed, new Date(now.getTime() - 16 * 60_000)))
        .message,
    ).toMatch(/^Signature not yet current/);
  });

  it("refuses a credential scoped to another region or service than the endpoint's", async () => {
    const signed = readSigV4Request(await sdkSignedRequest(new Date()));
    expect(
      thrownStsError(() => assertCredentialScope(signed, 'eu-central-1', 'sts')).message,
    ).toContain("Credential should be scoped to a valid region, not 'eu-west-1'");
    expect(thrownStsError(() => assertCredentialScope(signed, 'eu-west-1', 'iam')).code).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('says what is missing from an incomplete Authorization header', () => {
    const base = { method: 'POST', url: '/', body: Buffer.alloc(0) };
    expect(
      thrownStsError(() => readSigV4Request({ ...base, rawHeaders: ['Host', 'h'] })).code,
    ).toBe('MissingAuthenticationToken');
    const noSignature = [
      'Authorization',
      'AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/sts/aws4_request, SignedHeaders=host',
      'Host',
      'h',
    ];
    expect(
      thrownStsError(() => readSigV4Request({ ...base, rawHeaders: noSignature })),
    ).toMatchObject({
      code: 'IncompleteSignature',
      message: "Authorization header requires 'Signature' parameter.",
    });
  });
});
