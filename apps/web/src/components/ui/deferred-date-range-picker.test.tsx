import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { DeferredDateRangePicker, rangeText } from './deferred-date-range-picker';

describe('the deferred date range picker', () => {
  afterEach(cleanup);

  it('writes the range as the picker does until its code arrives', () => {
    expect(rangeText({ value: { type: 'relative', amount: 30, unit: 'day' } })).toBe(
      'Last 30 days',
    );
    expect(rangeText({ value: { type: 'relative', amount: 1, unit: 'hour' } })).toBe('Last 1 hour');
    expect(
      rangeText({
        value: { type: 'relative', amount: 7, unit: 'day' },
        i18nStrings: { formatRelativeRange: ({ amount }) => `Past ${amount}` },
      }),
    ).toBe('Past 7');
    expect(
      rangeText({ value: { type: 'absolute', startDate: '2026-12-01', endDate: '2026-12-05' } }),
    ).toBe('2026-12-01 – 2026-12-05');
    expect(rangeText({ value: null, placeholder: 'Choose a range' })).toBe('Choose a range');
  });

  it('becomes the real picker, under the same name', async () => {
    render(
      <DeferredDateRangePicker
        value={{ type: 'relative', amount: 30, unit: 'day' }}
        onChange={() => undefined}
        relativeOptions={[]}
        isValidRange={() => ({ valid: true })}
        ariaLabel="Requested between"
        placeholder="Choose a range"
      />,
    );
    expect(await screen.findByRole('button', { name: /Requested between/ })).toBeTruthy();
  });
});
