import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on `scope` and everything under it, each with the same reason.
 * cdk-nag 3 matches granular findings (`AwsSolutions-IAM5[Resource::...]`) one by one.
 */
export function acknowledge(scope: IConstruct, findings: readonly string[], reason: string): void {
  for (const id of findings) Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag spells a resource's ARN attribute in findings: `<LogicalId.Arn>`. */
export function arnReference(resource: CfnElement): string {
  const stack = Stack.of(resource);
  return `<${String(stack.resolve(stack.getLogicalId(resource)))}.Arn>`;
}
