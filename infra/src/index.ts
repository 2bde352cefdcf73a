// Public surface of @elevate/infra: the app builder, its config, and the constructs others reuse.
export {
  deployConfigSchema,
  LOG_RETENTION_DAYS,
  type DeployConfig,
} from './config/deploy-config-schema';
export {
  DeployConfigError,
  loadDeployConfig,
  parseDeployConfig,
} from './config/load-deploy-config';
export {
  loadPolicyTargets,
  policyTargets,
  PolicyFileError,
  type PolicyTarget,
  type PolicyTargets,
} from './config/load-policy-targets';
export { ElevateFunction, type ElevateFunctionProps } from './constructs/elevate-function';
export {
  DEFAULT_SESSION_NAME_PATTERN,
  ElevateTargetRole,
  TARGET_ROLE_TRUST_ACTIONS,
  targetRoleTrustConditions,
  type ElevateTargetRoleProps,
} from './constructs/elevate-target-role';
export {
  brokerRoleArn,
  buildElevateApp,
  type ElevateAppOptions,
  type ElevateStacks,
} from './elevate-app';
export { ApiStack } from './stacks/api-stack';
export { DataStack, TABLE_INDEX_NAMES } from './stacks/data-stack';
export {
  FEDERATE_STS_ACTIONS,
  FUNCTION_SPECS,
  TABLE_DATA_ACTIONS,
  federateRoleName,
  type FunctionSpec,
} from './stacks/function-specs';
export { NotificationsStack } from './stacks/notifications-stack';
export { TargetRolesStack } from './stacks/target-roles-stack';
export { WebStack, contentSecurityPolicy } from './stacks/web-stack';
