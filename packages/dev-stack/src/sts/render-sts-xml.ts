import type { StsError } from './sts-error';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

function metadata(requestId: string): string {
  return `<ResponseMetadata>${element('RequestId', requestId)}</ResponseMetadata>`;
}

export interface AssumeRoleResultXml {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn: string;
  assumedRoleId: string;
  sourceIdentity: string | undefined;
  packedPolicySize: number | undefined;
}

/** AWS's date form in STS responses: second precision, `Z`. */
function awsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderAssumeRoleResponse(result: AssumeRoleResultXml, requestId: string): string {
  return (
    `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult>` +
    `<Credentials>${element('AccessKeyId', result.accessKeyId)}${element('SecretAccessKey', result.secretAccessKey)}` +
    `${element('SessionToken', result.sessionToken)}${element('Expiration', awsTimestamp(result.expiration))}</Credentials>` +
    `<AssumedRoleUser>${element('Arn', result.assumedRoleArn)}${element('AssumedRoleId', result.assumedRoleId)}</AssumedRoleUser>` +
    element('SourceIdentity', result.sourceIdentity) +
    element('PackedPolicySize', result.packedPolicySize) +
    `</AssumeRoleResult>${metadata(requestId)}</AssumeRoleResponse>`
  );
}

export interface CallerIdentityXml {
  arn: string;
  userId: string;
  account: string;
}

export function renderGetCallerIdentityResponse(
  identity: CallerIdentityXml,
  requestId: string,
): string {
  return (
    `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult>` +
    `${element('Arn', identity.arn)}${element('UserId', identity.userId)}${element('Account', identity.account)}` +
    `</GetCallerIdentityResult>${metadata(requestId)}</GetCallerIdentityResponse>`
  );
}

export function renderErrorResponse(error: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type>${element('Code', error.code)}${element('Message', error.message)}</Error>` +
    `${element('RequestId', requestId)}</ErrorResponse>`
  );
}
