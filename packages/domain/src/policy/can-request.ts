import type { Actor } from '../actor';
import { effectiveRuleFor } from './policy-evaluator';
import type { Policy } from './policy-schema';
import type { Verdict } from './verdict';
import { ALLOWED, verdictOf } from './verdict';

/** "May this actor request this?" — eligibility and break-glass only; the form's values are checked at create. */
export const canRequest = (
  policy: Policy,
  actor: Actor,
  target: { readonly accountId: string; readonly roleName: string; readonly breakGlass?: boolean },
): Verdict => {
  const rule = effectiveRuleFor(policy, actor, target.accountId, target.roleName);
  if (!rule.ok) return verdictOf(rule);
  if (target.breakGlass === true && !rule.value.breakGlass) {
    return {
      allowed: false,
      code: 'BREAK_GLASS_NOT_ALLOWED',
      reason: `Break-glass is not allowed for ${target.roleName} in ${rule.value.account.name}.`,
    };
  }
  return ALLOWED;
};
