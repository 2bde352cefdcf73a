import { deflateRawSync } from 'node:zlib';
import type { SessionTag } from '../emulator-state';
import { StsError } from '../sts-error';

/**
 * STS packs session policies and tags into a compressed binary form with its own limit and reports its use as
 * a percentage. The real format is private; this rough stand-in deflates the same inputs against 2048 bytes.
 */
const PACKED_BUDGET_BYTES = 2048;

export interface PackedInputs {
  policy: unknown;
  policyArns: readonly string[];
  tags: readonly SessionTag[];
}

/** Percentage of the packed budget used, or undefined when no session policy or tag was passed (AWS omits it then). */
export function checkPackedPolicySize(inputs: PackedInputs): number | undefined {
  if (inputs.policy === undefined && inputs.policyArns.length === 0 && inputs.tags.length === 0)
    return undefined;
  const text = [
    inputs.policy === undefined ? '' : JSON.stringify(inputs.policy),
    ...inputs.policyArns,
    ...inputs.tags.map((t) => `${t.key}=${t.value}`),
  ].join('\n');
  const percent = Math.max(1, Math.ceil((deflateRawSync(text).length * 100) / PACKED_BUDGET_BYTES));
  if (percent > 100) {
    throw new StsError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    );
  }
  return percent;
}
