import { useMutation } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { auditQueryInput, type AuditQueryParams } from './audit-query';

/** Hands a file to the browser's downloads through a temporary Blob link. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches the CSV with the user's tokens (a plain link could not send them) and saves it. */
export async function downloadAuditCsv(
  api: ApiClient,
  query: AuditQueryParams,
  save: typeof saveFile = saveFile,
): Promise<string> {
  const file = await api.call('exportAuditCsv', { query: auditQueryInput(query) });
  const filename =
    file.filename ?? `elevate-audit-${query.from.slice(0, 10)}-${query.to.slice(0, 10)}.csv`;
  save(file.blob, filename);
  return filename;
}

export function useDownloadAuditCsv() {
  const api = useApiClient();
  return useMutation({
    meta: { invalidates: false },
    mutationFn: (query: AuditQueryParams) => downloadAuditCsv(api, query),
  });
}
