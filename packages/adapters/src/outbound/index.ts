export { awsClientConfig } from './aws-client-config';
export type { AwsClientDeadlineConfig } from './aws-client-config';
export { currentCallBudget, withCallBudget, withinCallBudget } from './call-budget';
export { DeadlineHttpHandler } from './deadline-http-handler';
export { isServiceUnavailable } from './outbound-failure';
export { OUTBOUND_DEADLINES, REQUEST_BUDGET_MS, worstCaseMs } from './outbound-deadlines';
export { traced, traceAwsClientsWith } from './client-tracing';
