import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { EligibilityEntry } from '@elevate/contracts';
import { anEntry, aRequestView } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { ApiProblem } from '../../../lib/api-problem';
import { policyPatternEngineReady } from '../../../lib/policy-pattern';
import { NewRequestForm } from './new-request-form';

const admin = anEntry({
  accountId: '333333333333',
  accountName: 'production',
  accountTags: { environment: 'prod' },
  roleName: 'Administrator',
  maxDurationMinutes: 120,
  defaultDurationMinutes: 60,
  justification: { minLength: 20, maxLength: 1000, patterns: [] },
  ticketRequired: true,
  ticketPatterns: [{ pattern: '^[A-Z]+-\\d+$', hint: 'Use the issue key, e.g. OPS-1234.' }],
  approvalsRequired: 2,
  breakGlassAllowed: true,
});
const entries: EligibilityEntry[] = [anEntry(), admin];

function setup(onCreated = vi.fn(), handlers = {}) {
  const api = fakeApi({
    'POST /requests': (body) => aRequestView({ ...(body as object), id: 'r-new' }),
    ...handlers,
  });
  renderWithApp(
    <NewRequestForm
      entries={entries}
      onCreated={onCreated}
      onCancel={vi.fn()}
      prefill={{ accountId: '333333333333', roleName: 'Administrator' }}
    />,
    { api },
  );
  return { api, onCreated };
}

const field = (label: string) => {
  const found = createWrapper(document.body)
    .findAllFormFields()
    .find((formField) => formField.findLabel()?.getElement().textContent === label);
  if (!found) throw new Error(`no field ${label}`);
  return found;
};
const type = (label: string, value: string) => {
  const control = field(label).findControl()?.getElement().querySelector('input, textarea');
  if (!control) throw new Error(`no control in ${label}`);
  fireEvent.change(control, { target: { value } });
};
const errorOf = (label: string) => field(label).findError()?.getElement().textContent ?? undefined;

describe('new request form', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(cleanup);

  it('names every field uniquely, the start date and time included', { timeout: 30_000 }, () => {
    setup();
    fireEvent.click(screen.getByRole('radio', { name: 'At a set time' }));
    expect(screen.getByRole('textbox', { name: 'Start date' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Start time' })).toBeTruthy();
    const names = screen.getAllByRole('textbox').map((box) =>
      (box.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows the justification rule and checks it as the user types', () => {
    setup();
    expect(field('Justification').findConstraint()?.getElement().textContent).toContain(
      '20–1000 characters.',
    );
    expect(errorOf('Justification')).toBeUndefined();
    type('Justification', 'rotate keys');
    expect(errorOf('Justification')).toBe('At least 20 characters: 9 more.');
    type('Justification', 'rotate the leaked deploy keys');
    expect(errorOf('Justification')).toBeUndefined();
  });

  it('requires the ticket where the rule does, and says the pattern', async () => {
    // Until the pattern engine's chunk has loaded the form lets every ticket pass (the API decides);
    // on a busy machine that can outlast the first keystroke.
    await policyPatternEngineReady;
    setup();
    expect(field('Ticket').findConstraint()?.getElement().textContent).toBe(
      'Required for this role. Use the issue key, e.g. OPS-1234.',
    );
    type('Ticket', 'ops 1');
    expect(errorOf('Ticket')).toBe('Use the issue key, e.g. OPS-1234.');
    type('Ticket', '');
    expect(errorOf('Ticket')).toBe('A ticket is required for this role.');
  });

  it('starts at the rule default and refuses more than its maximum', () => {
    setup();
    const input = field('Duration (minutes)').findControl()?.getElement().querySelector('input');
    expect(input?.value).toBe('60');
    expect(field('Duration (minutes)').findConstraint()?.getElement().textContent).toBe(
      'Default 1 hour, at most 2 hours.',
    );
    type('Duration (minutes)', '180');
    expect(errorOf('Duration (minutes)')).toBe('At most 2 hours (120 minutes) for this role.');
  });

  it('sends nothing while a rule is broken and says which fields need attention', () => {
    const { api } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(api.call).not.toHaveBeenCalledWith('createRequest', expect.anything());
    expect(errorOf('Justification')).toBe('Say why you need this access.');
    expect(errorOf('Ticket')).toBe('A ticket is required for this role.');
  });

  it('asks for confirmation before break-glass and sends it only after', async () => {
    const { api, onCreated } = setup();
    type('Justification', 'Production is down, restoring the database');
    type('Ticket', 'INC-7');
    expect(screen.queryByText('Break-glass is for emergencies')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Break-glass access/ }));
    expect(screen.getByText('Break-glass is for emergencies')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start break-glass access' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start break-glass access?' });
    expect(api.call).not.toHaveBeenCalledWith('createRequest', expect.anything());

    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, start break-glass access' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(api.call).toHaveBeenCalledWith(
      'createRequest',
      expect.objectContaining({
        body: {
          accountId: '333333333333',
          roleName: 'Administrator',
          justification: 'Production is down, restoring the database',
          ticket: 'INC-7',
          durationMinutes: 60,
          breakGlass: true,
        },
      }),
    );
    expect(JSON.parse(window.localStorage.getItem('elevate.recent-accounts') ?? '[]')).toEqual([
      '333333333333',
    ]);
  });

  it('puts the server’s refusal on the field it is about', async () => {
    const { onCreated } = setup(vi.fn(), {
      'POST /requests': () => {
        throw new ApiProblem({
          status: 422,
          code: 'TICKET_INVALID',
          title: 'Ticket refused',
          detail: 'OPS-1 is closed.',
        });
      },
    });
    type('Justification', 'rotate the leaked deploy keys');
    type('Ticket', 'OPS-1');
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    // vi.waitFor polls; testing-library's waitFor re-runs on every DOM mutation and spins on Cloudscape's live regions.
    await vi.waitFor(() => expect(errorOf('Ticket')).toBe('OPS-1 is closed.'));
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('offers break-glass only where the policy allows it', () => {
    const api = fakeApi({});
    renderWithApp(
      <NewRequestForm
        entries={entries}
        onCreated={vi.fn()}
        onCancel={vi.fn()}
        prefill={{ accountId: '111111111111', roleName: 'ReadOnly' }}
      />,
      { api },
    );
    expect(screen.queryByRole('checkbox', { name: /Break-glass access/ })).toBeNull();
  });
});
