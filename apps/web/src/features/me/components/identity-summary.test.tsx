import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { meResponseSchema } from '@elevate/contracts';
import { personas, personRef } from '@elevate/testing/personas';
import type { ApiClient } from '../../../lib/api-client';
import { ApiClientContext } from '../../../lib/api-client-context';
import { ApiProblem } from '../../../lib/api-problem';
import { IdentitySummary } from './identity-summary';

function renderWith(answer: () => Promise<unknown>) {
  const api = {
    call: async (operation: string) => {
      if (operation !== 'getMe') throw new Error(`not used: ${operation}`);
      return meResponseSchema.parse(await answer());
    },
  } as ApiClient;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ApiClientContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>
        <IdentitySummary />
      </QueryClientProvider>
    </ApiClientContext.Provider>,
  );
}

const me = {
  ...personRef(personas.rita),
  groups: [...personas.rita.groups],
  amr: ['pwd', 'mfa'],
  authTime: '2026-05-12T12:03:09Z',
  eligibility: { entries: [], roles: { reviewer: true, auditor: false, admin: false } },
};

describe('identity summary', () => {
  afterEach(cleanup);

  it('shows who the API says I am, my groups, MFA and when I signed in (UTC on hover)', async () => {
    renderWith(async () => me);
    expect(await screen.findByText('Rita Reviewer')).toBeTruthy();
    expect(screen.getByText('rita@example.com')).toBeTruthy();
    expect(screen.getByText('9e2f3a4b-rita')).toBeTruthy();
    expect(screen.getByText('reviewers')).toBeTruthy();
    expect(screen.getByText('engineers')).toBeTruthy();
    expect(screen.getByText('Yes, multi-factor (password)')).toBeTruthy();
    const time = document.querySelector('time');
    expect(time?.getAttribute('title')).toBe('2026-05-12 12:03:09 UTC');
    expect(time?.getAttribute('dateTime')).toBe('2026-05-12T12:03:09.000Z');
  });

  it('says plainly when MFA was not used and the user has no groups', async () => {
    renderWith(async () => ({ ...me, groups: [], amr: ['pwd'], authTime: undefined }));
    expect(await screen.findByText('No, password only')).toBeTruthy();
    expect(screen.getByText(/None\. Your administrator adds you to groups/)).toBeTruthy();
    expect(screen.getByText('Not reported')).toBeTruthy();
  });

  it('marks the grid busy while loading', () => {
    renderWith(() => new Promise(() => undefined));
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.queryByText('Rita Reviewer')).toBeNull();
  });

  it('shows the problem in words with a way to try again', async () => {
    renderWith(async () => {
      throw new ApiProblem({
        status: 503,
        code: 'unexpected_response',
        title: 'The Elevate service had a problem',
        detail: 'Try again in a moment.',
      });
    });
    const alert = await screen.findByText('The Elevate service had a problem');
    expect(alert).toBeTruthy();
    expect(screen.getByText('Try again in a moment.')).toBeTruthy();
    expect(within(document.body).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
