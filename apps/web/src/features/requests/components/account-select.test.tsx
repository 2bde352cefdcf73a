import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { AccountSelect } from './account-select';
import type { AccountChoice } from './request-form-rules';

// 500 accounts shaped like a real organisation: names, 12-digit ids, environment and team tags.
const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
const accounts: AccountChoice[] = Array.from({ length: 500 }, (_, i) => ({
  id: String(100000000000 + i * 7919).padStart(12, '0'),
  name: `team-${String(i).padStart(3, '0')}-${ENVIRONMENTS[i % 3] ?? 'dev'}`,
  tags: { environment: ENVIRONMENTS[i % 3] ?? 'dev', team: `t${i % 25}` },
}));

function renderPicker(recentIds: string[] = []) {
  const onChange = vi.fn();
  const { container } = render(
    <AccountSelect
      accounts={accounts}
      recentIds={recentIds}
      value={undefined}
      onChange={onChange}
    />,
  );
  const select = createWrapper(container).findSelect();
  if (!select) throw new Error('no select');
  select.openDropdown();
  return { select, onChange };
}

/** Types a search and waits for the picker's (debounced) answer; the options it then shows. */
async function search(select: ReturnType<typeof renderPicker>['select'], text: string) {
  select.findFilteringInput()?.setInputValue(text);
  await waitFor(() =>
    expect(select.findDropdown().getElement().textContent).not.toContain('500 of 500 accounts'),
  );
  return select.findDropdown().findOptions();
}

afterEach(cleanup);

describe('the account picker with 500 accounts', () => {
  it('renders a bounded number of options, not all 500', () => {
    const { select } = renderPicker();
    const rendered = select.findDropdown().findOptions().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
  });

  it('finds an account by part of its name', async () => {
    const { select } = renderPicker();
    const options = await search(select, 'team-123-');
    expect(options.map((option) => option.findLabel().getElement().textContent)).toEqual([
      'team-123-dev',
    ]);
  });

  it('finds an account by its id', async () => {
    const { select, onChange } = renderPicker();
    const target = accounts[321];
    if (!target) throw new Error('fixture');
    const options = await search(select, target.id);
    expect(options).toHaveLength(1);
    expect(options[0]?.findLabel().getElement().textContent).toBe(target.name);
    select.selectOptionByValue(target.id);
    expect(onChange).toHaveBeenCalledWith(target.id);
  });

  it('finds accounts by a tag as key=value, and says how many match', async () => {
    const { select } = renderPicker();
    await search(select, 'team=t7 environment=prod');
    // t7 is every 25th account from 7; prod every 3rd from 2: i ≡ 7 (mod 25) and i ≡ 2 (mod 3).
    const expected = accounts
      .filter((_, i) => i % 25 === 7 && i % 3 === 2)
      .map((account) => account.name);
    expect(expected.length).toBeGreaterThan(3);
    const labels = select
      .findDropdown()
      .findOptions()
      .map((option) => option.findLabel().getElement().textContent);
    expect(labels).toEqual(expected);
    expect(select.findDropdown().getElement().textContent).toContain(
      `${expected.length} of 500 accounts`,
    );
  });

  it('says what to search by when nothing matches', async () => {
    const { select } = renderPicker();
    expect(await search(select, 'no-such-account')).toHaveLength(0);
    expect(select.findDropdown().getElement().textContent).toContain('No accounts match');
  });

  it('puts recently used accounts first', () => {
    const recent = [accounts[400]?.id ?? '', accounts[5]?.id ?? ''];
    const { select } = renderPicker(recent);
    const labels = select
      .findDropdown()
      .findOptions()
      .slice(0, 2)
      .map((option) => option.findLabel().getElement().textContent);
    expect(labels).toEqual([accounts[400]?.name, accounts[5]?.name]);
  });
});
