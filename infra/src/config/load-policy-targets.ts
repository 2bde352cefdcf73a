import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { formatPolicyError, parsePolicy, selectedAccounts, type Policy } from '@elevate/domain';

/** One role in one account that some rule makes requestable: what the federate role may assume. */
export interface PolicyTarget {
  readonly accountId: string;
  readonly roleName: string;
}

/** The policy file, validated by the domain, and every account × role its rules name. */
export interface PolicyTargets {
  readonly policy: Policy;
  readonly targets: readonly PolicyTarget[];
  /** Role names across all rules, sorted: the roles an operator rolls out to target accounts. */
  readonly roleNames: readonly string[];
}

/** A policy file that cannot be used; the message names the file and each bad path inside it. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
}

/** Every account × role some rule names, deduplicated and sorted so synth output is stable. */
export function policyTargets(policy: Policy): PolicyTarget[] {
  const keys = new Set<string>();
  for (const rule of policy.rules) {
    for (const account of selectedAccounts(rule.accounts, policy.accounts)) {
      for (const roleName of rule.roles) keys.add(`${account.id}/${roleName}`);
    }
  }
  return [...keys].sort().map((key) => {
    const [accountId = '', roleName = ''] = key.split('/');
    return { accountId, roleName };
  });
}

/** Reads the policy YAML and validates it with the domain's `parsePolicy`. */
export function loadPolicyTargets(file: string): PolicyTargets {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new PolicyFileError(`Invalid policy file ${file}: ${reason}`);
  }
  const parsed = parsePolicy(raw);
  if (!parsed.ok) {
    const lines = parsed.error.map((issue) => `  - ${formatPolicyError(issue)}`);
    throw new PolicyFileError(`Invalid policy file ${file}:\n${lines.join('\n')}`);
  }
  const targets = policyTargets(parsed.value);
  if (targets.length === 0) {
    throw new PolicyFileError(
      `Invalid policy file ${file}: no rule names an account and role, so the broker could assume nothing`,
    );
  }
  const roleNames = [...new Set(targets.map((target) => target.roleName))].sort();
  return { policy: parsed.value, targets, roleNames };
}
