import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { MeResponse } from '@elevate/contracts';
import { aMe } from '../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../testing/render-with-app';
import { HomeRedirect } from './home-redirect';
import { MyAccessPage } from './my-access-page';

const roles = { reviewer: false, auditor: false, admin: false };
const personas: { who: string; me: MeResponse; lands: string }[] = [
  { who: 'a requester (Alice)', me: aMe(), lands: 'My access' },
  {
    who: 'a reviewer (Rita)',
    me: aMe({
      groups: ['reviewers', 'engineers'],
      eligibility: { ...aMe().eligibility, roles: { ...roles, reviewer: true } },
    }),
    lands: 'Reviews',
  },
  {
    who: 'an auditor (Audrey)',
    me: aMe({
      groups: ['auditors'],
      eligibility: { entries: [], roles: { ...roles, auditor: true } },
    }),
    lands: 'Audit',
  },
  {
    who: 'an admin (Adam)',
    me: aMe({
      groups: ['elevate-admins', 'reviewers'],
      eligibility: { ...aMe().eligibility, roles: { reviewer: true, auditor: true, admin: true } },
    }),
    lands: 'Active access',
  },
  {
    who: 'someone eligible for nothing (Nina)',
    me: aMe({ groups: ['contractors'], eligibility: { entries: [], roles } }),
    lands: 'My access',
  },
];

// Stand-ins for the pages, to see where `/` sent the person.
const targets = [
  { path: '/my-access', element: <h1>My access</h1> },
  { path: '/reviews', element: <h1>Reviews</h1> },
  { path: '/audit', element: <h1>Audit</h1> },
  { path: '/access', element: <h1>Active access</h1> },
];

describe('each persona lands where their work is', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  for (const { who, me, lands } of personas) {
    it(`opens ${lands} for ${who}`, async () => {
      const { router } = renderWithApp(<HomeRedirect />, {
        api: fakeApi({ 'GET /me': () => me }),
        routes: targets,
      });
      expect(await screen.findByRole('heading', { level: 1, name: lands })).toBeTruthy();
      // Replaced, not pushed: Back leaves the app instead of bouncing off `/` again.
      expect(router.state.historyAction).toBe('REPLACE');
    });
  }

  it('tells someone eligible for nothing why and who to ask, with no New request to make', async () => {
    const nina = personas[4]?.me;
    renderWithApp(<MyAccessPage />, {
      path: '/my-access',
      api: fakeApi({
        'GET /me': () => nina,
        'GET /requests/mine?limit=25': () => ({ items: [] }),
      }),
    });
    expect(await screen.findByText('You cannot request access to anything yet')).toBeTruthy();
    expect(
      screen.getByText(/your groups: contractors\)\. Ask your Elevate administrators/),
    ).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'My requests' });
    expect(await within(table).findByText('No requests yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New request' })).toBeNull();
    expect(screen.getByRole('button', { name: 'See the policy' })).toBeTruthy();
  });
});
