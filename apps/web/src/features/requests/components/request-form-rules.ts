import { MIN_DURATION_MINUTES, type EligibilityEntry } from '@elevate/contracts';
import { formatMinutes } from '../../../lib/format-duration';
import { matchesPolicyPattern } from '../../../lib/policy-pattern';

// The form's checks mirror the policy the API sent so people learn early; the server stays the judge.

export interface AccountChoice {
  id: string;
  name: string;
  tags: Record<string, string>;
}

export function accountsOf(entries: readonly EligibilityEntry[]): AccountChoice[] {
  const byId = new Map<string, AccountChoice>();
  for (const entry of entries) {
    if (!byId.has(entry.accountId))
      byId.set(entry.accountId, {
        id: entry.accountId,
        name: entry.accountName,
        tags: entry.accountTags,
      });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Name, id, or any tag as `key=value`, `key` or `value`; case-insensitive, every word must match. */
export function accountMatches(account: AccountChoice, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const fields = [
    account.name,
    account.id,
    ...Object.entries(account.tags).flatMap(([key, value]) => [
      key,
      value,
      `${key}=${value}`,
      `${key}:${value}`,
    ]),
  ].map((field) => field.toLowerCase());
  return words.every((word) => fields.some((field) => field.includes(word)));
}

/** Recently used accounts first (most recent first), then the rest by name. */
export function orderByRecent(
  accounts: readonly AccountChoice[],
  recentIds: readonly string[],
): { recent: AccountChoice[]; others: AccountChoice[] } {
  const recent = recentIds.flatMap((id) => accounts.filter((account) => account.id === id));
  const others = accounts.filter((account) => !recentIds.includes(account.id));
  return { recent, others };
}

export interface RoleChoice {
  roleName: string;
  /** Why it cannot be picked in this account; undefined when it can. */
  unavailableReason?: string;
}

/**
 * Every role the user may request somewhere; those not granted in `accountId` carry the reason,
 * so people see what exists and why it is not offered here.
 */
export function rolesFor(
  entries: readonly EligibilityEntry[],
  accountId: string | undefined,
): RoleChoice[] {
  const roleNames = [...new Set(entries.map((entry) => entry.roleName))].sort();
  return roleNames.map((roleName) => {
    if (accountId === undefined) return { roleName };
    if (entries.some((entry) => entry.accountId === accountId && entry.roleName === roleName))
      return { roleName };
    const elsewhere = entries
      .filter((entry) => entry.roleName === roleName)
      .map((entry) => entry.accountName);
    return {
      roleName,
      unavailableReason: `No rule of the policy grants ${roleName} in this account to your groups. You may request it in: ${[...new Set(elsewhere)].join(', ')}.`,
    };
  });
}

export function entryFor(
  entries: readonly EligibilityEntry[],
  accountId: string | undefined,
  roleName: string | undefined,
): EligibilityEntry | undefined {
  return entries.find((entry) => entry.accountId === accountId && entry.roleName === roleName);
}

function matchesPattern(pattern: string, value: string): boolean {
  return matchesPolicyPattern(pattern, value);
}

const length = (value: string) => [...value.trim()].length;

export function justificationRuleText(rule: EligibilityEntry['justification']): string {
  const hints = rule.patterns.map((pattern) => pattern.hint ?? `Must match ${pattern.pattern}.`);
  return [`${rule.minLength}–${rule.maxLength} characters.`, ...hints].join(' ');
}

export function checkJustification(
  value: string,
  rule: EligibilityEntry['justification'],
): string | undefined {
  const count = length(value);
  if (count === 0) return 'Say why you need this access.';
  if (count < rule.minLength)
    return `At least ${rule.minLength} characters: ${rule.minLength - count} more.`;
  if (count > rule.maxLength)
    return `At most ${rule.maxLength} characters: ${count - rule.maxLength} too many.`;
  const failed = rule.patterns.find((pattern) => !matchesPattern(pattern.pattern, value.trim()));
  if (failed) return failed.hint ?? `Must match ${failed.pattern}.`;
  return undefined;
}

export function ticketRuleText(entry: EligibilityEntry): string {
  const hints = entry.ticketPatterns.map(
    (pattern) => pattern.hint ?? `Must match ${pattern.pattern}.`,
  );
  return [entry.ticketRequired ? 'Required for this role.' : 'Optional.', ...hints].join(' ');
}

export function checkTicket(value: string, entry: EligibilityEntry): string | undefined {
  const ticket = value.trim();
  if (ticket === '')
    return entry.ticketRequired ? 'A ticket is required for this role.' : undefined;
  const failed = entry.ticketPatterns.find((pattern) => !matchesPattern(pattern.pattern, ticket));
  if (failed) return failed.hint ?? `Must match ${failed.pattern}.`;
  return undefined;
}

export function durationRuleText(entry: EligibilityEntry): string {
  return `Default ${formatMinutes(entry.defaultDurationMinutes)}, at most ${formatMinutes(entry.maxDurationMinutes)}.`;
}

export function checkDuration(value: string, entry: EligibilityEntry): string | undefined {
  if (value.trim() === '') return 'Enter a duration in minutes.';
  const minutes = Number(value);
  if (!Number.isInteger(minutes)) return 'Enter whole minutes.';
  if (minutes < MIN_DURATION_MINUTES) return `At least ${MIN_DURATION_MINUTES} minutes.`;
  if (minutes > entry.maxDurationMinutes)
    return `At most ${formatMinutes(entry.maxDurationMinutes)} (${entry.maxDurationMinutes} minutes) for this role.`;
  return undefined;
}

/** A local date (YYYY-MM-DD) and time (HH:MM) as the ISO-8601 UTC instant the API wants. */
export function localStartToIso(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const local = new Date(`${date}T${time}:00`);
  return Number.isNaN(local.getTime()) ? undefined : `${local.toISOString().slice(0, 19)}Z`;
}

export function checkStart(
  iso: string | undefined,
  entry: EligibilityEntry,
  now: number,
): string | undefined {
  if (iso === undefined) return 'Pick a date and a time.';
  const at = Date.parse(iso);
  if (at <= now) return 'Pick a time in the future, or start when approved.';
  if (at - now > entry.maxStartDelayMinutes * 60_000)
    return `At most ${formatMinutes(entry.maxStartDelayMinutes)} from now.`;
  return undefined;
}
