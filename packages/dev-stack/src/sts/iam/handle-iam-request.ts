import type { Caller } from '../authenticate-caller';
import type { EmulatorState } from '../emulator-state';
import { escapeXml } from '../render-sts-xml';
import { assertSessionMayCall } from '../policy/assert-session-may-call';
import { unsupportedPolicyReason } from '../policy/evaluate-policy';
import { roleArnOf, type RoleCatalog } from '../role-catalog';
import { StsError, validationError } from '../sts-error';

const IAM_API_VERSION = '2010-05-08';
const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
/** IAM's quota on all inline policies of one role together. */
const ROLE_INLINE_POLICY_MAX_CHARS = 10_240;

export interface IamContext {
  now: Date;
  catalog: RoleCatalog;
  state: EmulatorState;
}

export type IamAction = 'GetRole' | 'GetRolePolicy' | 'PutRolePolicy' | 'DeleteRolePolicy';
const ACTIONS: readonly string[] = [
  'GetRole',
  'GetRolePolicy',
  'PutRolePolicy',
  'DeleteRolePolicy',
];

export function readIamAction(params: URLSearchParams): IamAction {
  const action = params.get('Action') ?? '';
  if (!ACTIONS.includes(action) || params.get('Version') !== IAM_API_VERSION)
    throw new StsError(
      'InvalidAction',
      `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
    );
  return action as IamAction;
}

const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
const wrap = (action: string, result: string, requestId: string): string =>
  `<${action}Response xmlns="${NS}">${result === '' ? '' : `<${action}Result>${result}</${action}Result>`}` +
  `<ResponseMetadata>${element('RequestId', requestId)}</ResponseMetadata></${action}Response>`;

function required(params: URLSearchParams, name: string, member: string): string {
  const value = params.get(name);
  if (value === null || value === '')
    throw validationError(null, member, 'Member must not be null');
  return value;
}

/**
 * The slice of IAM that Elevate's revoker and the CLI journey need: read a role, and read, write or
 * delete one inline policy on it. Only role sessions in the role's own account may call; writes
 * only through the revoker role and only to the revocation policy; every call is evaluated against
 * the caller's session policy and the inline policies on its role (so a revoked session is refused).
 */
export function performIam(
  action: IamAction,
  params: URLSearchParams,
  caller: Caller,
  context: IamContext,
  requestId: string,
): string {
  const session = caller.session;
  if (session === undefined)
    throw new StsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: iam:${action}`,
    );
  assertSessionMayCall(session, `iam:${action}`, context.state, context.now);
  const roleName = required(params, 'RoleName', 'roleName');
  const role = context.catalog.roles.get(roleArnOf(caller.account, roleName));
  if (role === undefined)
    throw new StsError('NoSuchEntity', `The role with name ${roleName} cannot be found.`);
  if (action === 'GetRole') {
    return wrap(
      action,
      `<Role>${element('Path', '/')}${element('RoleName', role.name)}${element('RoleId', role.roleId)}` +
        `${element('Arn', role.arn)}${element('CreateDate', '2025-01-01T00:00:00Z')}` +
        `${element('MaxSessionDuration', String(role.maxSessionDurationSeconds))}</Role>`,
      requestId,
    );
  }
  const policyName = required(params, 'PolicyName', 'policyName');
  const callerRole = context.catalog.roles.get(session.roleArn);
  if (
    callerRole?.isRevoker !== true ||
    policyName !== context.catalog.revocationPolicyName ||
    role.isRevoker === true
  )
    throw new StsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: iam:${action} on resource: role ${role.name}`,
    );
  const policies = context.state.rolePolicies.get(role.arn) ?? new Map<string, string>();
  switch (action) {
    case 'GetRolePolicy': {
      const document = policies.get(policyName);
      if (document === undefined)
        throw new StsError(
          'NoSuchEntity',
          `The role policy with name ${policyName} cannot be found.`,
        );
      return wrap(
        action,
        `${element('RoleName', role.name)}${element('PolicyName', policyName)}${element('PolicyDocument', encodeURIComponent(document))}`,
        requestId,
      );
    }
    case 'PutRolePolicy': {
      const document = required(params, 'PolicyDocument', 'policyDocument');
      const reason = unsupportedPolicyReason(document);
      if (reason !== undefined)
        throw new StsError('MalformedPolicyDocument', `Syntax errors in policy: ${reason}.`);
      const others = [...policies].filter(([name]) => name !== policyName).map(([, d]) => d);
      const size = [...others, document].join('').replace(/\s/g, '').length;
      if (size > ROLE_INLINE_POLICY_MAX_CHARS)
        throw new StsError(
          'LimitExceeded',
          `Maximum policy size of ${ROLE_INLINE_POLICY_MAX_CHARS} bytes exceeded for role ${role.name}`,
        );
      policies.set(policyName, document);
      context.state.rolePolicies.set(role.arn, policies);
      return wrap(action, '', requestId);
    }
    case 'DeleteRolePolicy': {
      if (!policies.delete(policyName))
        throw new StsError(
          'NoSuchEntity',
          `The role policy with name ${policyName} cannot be found.`,
        );
      return wrap(action, '', requestId);
    }
  }
}
