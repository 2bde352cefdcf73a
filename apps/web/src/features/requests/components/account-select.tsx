import { useMemo, useState } from 'react';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { accountMatches, orderByRecent, type AccountChoice } from './request-form-rules';

export interface AccountSelectProps {
  accounts: readonly AccountChoice[];
  recentIds: readonly string[];
  value: string | undefined;
  onChange: (accountId: string) => void;
  invalid?: boolean;
  controlId?: string;
}

function toOption(account: AccountChoice): SelectProps.Option {
  return {
    value: account.id,
    label: account.name,
    description: account.id,
    tags: Object.entries(account.tags).map(([key, value]) => `${key}=${value}`),
  };
}

/**
 * Search by name, id or tag; recent choices first. Filtering is ours (manual) so tags match as
 * `key=value`, and the list scrolls virtually so hundreds of accounts stay quick.
 */
export function AccountSelect({
  accounts,
  recentIds,
  value,
  onChange,
  invalid,
  controlId,
}: AccountSelectProps) {
  const [filter, setFilter] = useState('');
  const options = useMemo<SelectProps.Options>(() => {
    const matching = accounts.filter((account) => accountMatches(account, filter));
    const { recent, others } = orderByRecent(matching, recentIds);
    if (recent.length === 0) return others.map(toOption);
    return [
      { label: 'Recently used', options: recent.map(toOption) },
      { label: 'All accounts', options: others.map(toOption) },
    ];
  }, [accounts, filter, recentIds]);

  const selected = accounts.find((account) => account.id === value);
  const matchCount = accounts.filter((account) => accountMatches(account, filter)).length;
  return (
    <Select
      controlId={controlId}
      selectedOption={selected ? toOption(selected) : null}
      onChange={({ detail }) => {
        if (detail.selectedOption.value) onChange(detail.selectedOption.value);
      }}
      options={options}
      filteringType="manual"
      onLoadItems={({ detail }) => setFilter(detail.filteringText)}
      filteringPlaceholder="Name, account id or tag (e.g. environment=prod)"
      filteringAriaLabel="Search accounts"
      filteringClearAriaLabel="Clear search"
      filteringResultsText={() => `${matchCount} of ${accounts.length} accounts`}
      empty="No accounts match. Search by name, 12-digit id or a tag such as environment=prod."
      placeholder="Choose an account"
      virtualScroll={accounts.length > 50}
      invalid={invalid}
    />
  );
}
