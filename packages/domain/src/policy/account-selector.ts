import type { AccountSelector, PolicyAccount } from './policy-schema';

/** Whether a catalog account is selected by a rule's `accounts` (ids, or every tag key matching). */
export const selectsAccount = (selector: AccountSelector, account: PolicyAccount): boolean => {
  if (selector.ids !== undefined) return selector.ids.includes(account.id);
  const tags = selector.tags ?? {};
  return Object.entries(tags).every(([key, wanted]) => {
    const actual = account.tags[key];
    if (actual === undefined) return false;
    return typeof wanted === 'string' ? actual === wanted : wanted.includes(actual);
  });
};

export const selectedAccounts = (
  selector: AccountSelector,
  accounts: readonly PolicyAccount[],
): PolicyAccount[] => accounts.filter((account) => selectsAccount(selector, account));
