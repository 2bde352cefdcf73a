import { validationError } from '../sts-error';

const MAX_POLICY_ARNS = 10;

/** PolicyArns: up to 10 managed policy ARNs used as session policies, each 20–2048 characters. */
export function validatePolicyArns(arns: readonly string[]): string[] {
  if (arns.length > MAX_POLICY_ARNS) {
    throw validationError(
      `[${arns.length} policy ARNs]`,
      'policyArns',
      `Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  arns.forEach((arn, i) => {
    const at = `policyArns.${i + 1}.member.arn`;
    if (arn.length < 20)
      throw validationError(arn, at, 'Member must have length greater than or equal to 20');
    if (arn.length > 2048)
      throw validationError(arn, at, 'Member must have length less than or equal to 2048');
    if (!/^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/.+$/.test(arn)) {
      throw validationError(arn, at, 'Member must be the ARN of an IAM managed policy');
    }
  });
  return [...arns];
}
