import { lazy, Suspense } from 'react';
import Input from '@cloudscape-design/components/input';
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';

// Cloudscape's date range picker brings its calendar and date-fns (~26 KiB gzip). A filter needs it
// once someone opens it, not to show the first rows (issue #12): it loads beside the page and,
// until then, a read-only field shows the chosen range in the same words.
const DateRangePicker = lazy(() => import('@cloudscape-design/components/date-range-picker'));

/** The range as the picker's trigger writes it. */
export function rangeText({
  value,
  placeholder,
  i18nStrings,
}: Pick<DateRangePickerProps, 'value' | 'placeholder' | 'i18nStrings'>): string {
  if (value?.type === 'relative') {
    const format = i18nStrings?.formatRelativeRange;
    if (format) return format(value);
    return `Last ${value.amount} ${value.unit}${value.amount === 1 ? '' : 's'}`;
  }
  if (value?.type === 'absolute') return `${value.startDate} – ${value.endDate}`;
  return placeholder ?? '';
}

/** Cloudscape's DateRangePicker, its code loaded after the page's own. */
export function DeferredDateRangePicker(props: DateRangePickerProps) {
  return (
    <Suspense
      fallback={
        <Input
          value={rangeText(props)}
          readOnly
          controlId={props.controlId}
          ariaLabel={props.ariaLabel}
          onChange={() => undefined}
        />
      }
    >
      <DateRangePicker {...props} />
    </Suspense>
  );
}
