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

/**
 * Both ways cdk-nag spells the ARN of a resource that another stack references: `<LogicalId.Arn>`
 * when a test validates the construct tree, and the CloudFormation export the consumer imports
 * (`<stack>:ExportsOutputFnGetAtt…`) when `cdk synth` has resolved the cross-stack reference. The
 * export's name is the one CDK itself generates (Stack#resolveExportedValue, not in its typings).
 */
export function crossStackArnReferences(resource: CfnElement, arn: string): string[] {
  // A private method of Stack in CDK's typings, so reached through `unknown`.
  const stack = Stack.of(resource) as unknown as {
    resolveExportedValue(value: string): { exportName: string };
  };
  return [arnReference(resource), stack.resolveExportedValue(arn).exportName];
}
