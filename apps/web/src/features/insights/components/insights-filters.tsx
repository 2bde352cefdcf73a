import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { InsightsFilters } from '../api/insights-query';
import { DeferredDateRangePicker } from '../../../components/ui/deferred-date-range-picker';

export interface InsightsCatalog {
  accounts: readonly { id: string; name: string; tags: Record<string, string> }[];
  roles: readonly string[];
  groups: readonly string[];
}

const ANY: SelectProps.Option = { label: 'Any', value: '' };

const optionsOf = (values: readonly { value: string; label: string }[]): SelectProps.Option[] => [
  ANY,
  ...values,
];

const i18n: DateRangePickerProps.I18nStrings = {
  applyButtonLabel: 'Apply',
  cancelButtonLabel: 'Cancel',
  clearButtonLabel: 'Clear',
  todayAriaLabel: 'Today',
  nextMonthAriaLabel: 'Next month',
  previousMonthAriaLabel: 'Previous month',
  renderSelectedAbsoluteRangeAriaLive: (start, end) => `Range selected from ${start} to ${end}`,
};

/** Whole UTC days, an account tag, an account, a role, a requester group. */
export function InsightsFilterBar({
  filters,
  catalog,
  onChange,
}: {
  filters: InsightsFilters;
  catalog: InsightsCatalog;
  onChange: (filters: InsightsFilters) => void;
}) {
  const tags = [
    ...new Set(
      catalog.accounts.flatMap((account) =>
        Object.entries(account.tags).map(([key, value]) => `${key}=${value}`),
      ),
    ),
  ].sort();
  const select = (
    id: 'account' | 'tag' | 'role' | 'group',
    label: string,
    options: SelectProps.Option[],
  ) => {
    const selected = options.find((option) => option.value === (filters[id] ?? '')) ?? ANY;
    return (
      <FormField label={label} controlId={`insights-${id}`}>
        <Select
          controlId={`insights-${id}`}
          selectedOption={selected}
          options={options}
          onChange={({ detail }) => {
            const { [id]: _dropped, ...rest } = filters;
            const value = detail.selectedOption.value ?? '';
            onChange(value === '' ? rest : { ...rest, [id]: value });
          }}
        />
      </FormField>
    );
  };
  return (
    <Grid
      gridDefinition={[
        { colspan: { default: 12, s: 4 } },
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 6, s: 2 } },
        { colspan: { default: 6, s: 2 } },
      ]}
    >
      <FormField label="Days (UTC, both included)" controlId="insights-range">
        <DeferredDateRangePicker
          controlId="insights-range"
          rangeSelectorMode="absolute-only"
          dateOnly
          value={{ type: 'absolute', startDate: filters.from, endDate: filters.to }}
          relativeOptions={[]}
          isValidRange={(range) =>
            range?.type === 'absolute' && range.startDate !== '' && range.endDate !== ''
              ? { valid: true }
              : { valid: false, errorMessage: 'Choose a first and a last day.' }
          }
          i18nStrings={i18n}
          onChange={({ detail }) => {
            if (detail.value?.type !== 'absolute') return;
            onChange({
              ...filters,
              from: detail.value.startDate.slice(0, 10),
              to: detail.value.endDate.slice(0, 10),
            });
          }}
        />
      </FormField>
      {select('tag', 'Account tag', optionsOf(tags.map((tag) => ({ value: tag, label: tag }))))}
      {select(
        'account',
        'Account',
        optionsOf(
          catalog.accounts.map((account) => ({
            value: account.id,
            label: `${account.name} (${account.id})`,
          })),
        ),
      )}
      {select(
        'role',
        'Role',
        optionsOf(catalog.roles.map((role) => ({ value: role, label: role }))),
      )}
      {select(
        'group',
        'Requester group',
        optionsOf(catalog.groups.map((group) => ({ value: group, label: group }))),
      )}
    </Grid>
  );
}
