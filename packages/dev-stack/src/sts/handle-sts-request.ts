import { randomUUID } from 'node:crypto';
import type { StsPrincipal } from '../config/dev-config';
import { assumeRole } from './assume-role';
import { authenticateCaller, type Caller } from './authenticate-caller';
import type { EmulatorState } from './emulator-state';
import { readQueryParams } from './read-query-params';
import {
  renderAssumeRoleResponse,
  renderErrorResponse,
  renderGetCallerIdentityResponse,
} from './render-sts-xml';
import type { RoleCatalog } from './role-catalog';
import { performIam, readIamAction } from './iam/handle-iam-request';
import type { WireRequest } from './sigv4/sigv4';
import { readSigV4Request } from './sigv4/sigv4';
import { StsError } from './sts-error';

const STS_API_VERSION = '2011-06-15';

export interface StsContext {
  region: string;
  now: Date;
  principals: readonly StsPrincipal[];
  catalog: RoleCatalog;
  state: EmulatorState;
}

export interface StsReply {
  status: number;
  requestId: string;
  body: string;
  /** One line for the log: action, caller, outcome, error code. Never a key, secret or token. */
  logLine: string;
}

type Action = 'AssumeRole' | 'GetCallerIdentity';

function readAction(params: URLSearchParams): Action {
  const action = params.get('Action');
  if (action === null || action === '') {
    throw new StsError('MissingAction', 'Missing Action');
  }
  if (
    (action !== 'AssumeRole' && action !== 'GetCallerIdentity') ||
    params.get('Version') !== STS_API_VERSION
  ) {
    throw new StsError(
      'InvalidAction',
      `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
    );
  }
  return action;
}

function perform(
  action: Action,
  params: URLSearchParams,
  caller: Caller,
  context: StsContext,
  requestId: string,
): string {
  switch (action) {
    case 'AssumeRole': {
      const { session, packedPolicySize } = assumeRole(params, caller, context);
      return renderAssumeRoleResponse(
        {
          accessKeyId: session.accessKeyId,
          secretAccessKey: session.secretAccessKey,
          sessionToken: session.sessionToken,
          expiration: session.expiresAt,
          assumedRoleArn: session.assumedRoleArn,
          assumedRoleId: session.assumedRoleId,
          sourceIdentity: session.sourceIdentity,
          packedPolicySize,
        },
        requestId,
      );
    }
    case 'GetCallerIdentity':
      return renderGetCallerIdentityResponse(
        { arn: caller.arn, userId: caller.userId, account: caller.account },
        requestId,
      );
  }
}

/** One STS Query API call: authenticate (SigV4), dispatch, answer XML exactly as STS shapes it. */
export function handleStsRequest(request: WireRequest, context: StsContext): StsReply {
  const requestId = randomUUID();
  let action = '-';
  let caller: Caller | undefined;
  let target = '';
  try {
    const params = readQueryParams(request);
    action = params.get('Action') ?? '-';
    if (action === 'AssumeRole') target = ` role=${loggableArn(params.get('RoleArn'))}`;
    if (isIamRequest(request)) {
      caller = authenticateCaller(request, { ...context, service: 'iam' });
      const body = performIam(readIamAction(params), params, caller, context, requestId);
      return {
        status: 200,
        requestId,
        body,
        logLine: line('global', `iam:${action}`, caller, target, 'ok', '-', requestId),
      };
    }
    caller = authenticateCaller(request, context);
    if (context.state.disabledRegions.has(context.region)) {
      throw new StsError(
        'RegionDisabledException',
        `STS is not activated in this region for account:${caller.account}. Your account administrator can activate STS in this region using the IAM Console.`,
      );
    }
    const body = perform(readAction(params), params, caller, context, requestId);
    return {
      status: 200,
      requestId,
      body,
      logLine: line(context.region, action, caller, target, 'ok', '-', requestId),
    };
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    return {
      status: error.status,
      requestId,
      body: renderErrorResponse(error, requestId),
      logLine: line(context.region, action, caller, target, 'refused', error.code, requestId),
    };
  }
}

/** The listener also answers IAM's Query API (for the revoker and the CLI), told apart by the signature's service. */
function isIamRequest(request: WireRequest): boolean {
  try {
    return readSigV4Request(request).authorization.service === 'iam';
  } catch {
    return false;
  }
}

/** Caller input reaches the log only when it looks like an ARN, so a crafted value can't forge log lines. */
function loggableArn(value: string | null): string {
  if (value === null) return '-';
  return /^arn:[\w+=,.@:/-]{1,2040}$/.test(value) ? value : '(invalid)';
}

function line(
  region: string,
  action: string,
  caller: Caller | undefined,
  target: string,
  outcome: string,
  code: string,
  requestId: string,
): string {
  const safeAction = /^(iam:)?[A-Za-z]{1,64}$/.test(action) ? action : '(invalid)';
  return `sts region=${region} action=${safeAction} caller=${caller?.arn ?? '-'}${target} outcome=${outcome} code=${code} requestId=${requestId}`;
}
