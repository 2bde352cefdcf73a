import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, waitFor } from '@testing-library/react';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { byPrefix, serverPages } from '../../../testing/server-pages';
import { AuditExplorer } from './audit-explorer';

describe('the audit list after its route loader', () => {
  afterEach(cleanup);

  it(
    'asks for the range as the loader resolved it, so the loader’s fetch is the one it reads',
    { timeout: 30_000 },
    async () => {
      const server = serverPages([], 25);
      const loadedAt = Date.parse('2030-01-31T12:00:00Z');
      renderWithApp(
        <AuditExplorer accounts={[]} roles={[]} onFlash={vi.fn()} loadedAt={loadedAt} />,
        { api: fakeApi(byPrefix('/audit/requests?', server.answer)), path: '/audit?last=7d' },
      );
      await waitFor(() => expect(server.queries).toHaveLength(1));
      expect(server.queries[0]?.get('from')).toBe('2030-01-24T12:00:00Z');
      expect(server.queries[0]?.get('to')).toBe('2030-01-31T12:00:00Z');
    },
  );
});
