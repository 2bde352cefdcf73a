import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AuditFilters } from '../api/audit-query';
import { auditFiltersFromSearch, auditPageFromSearch, searchOfAuditFilters } from './audit-url';

/** The text boxes, applied after a typing pause or at once on Enter. */
export interface AuditDrafts {
  requester: string;
  ticket: string;
  text: string;
}

const TYPING_PAUSE_MS = 500;
const draftsOf = (filters: AuditFilters): AuditDrafts => ({
  requester: filters.requester,
  ticket: filters.ticket,
  text: filters.text,
});
const sameDrafts = (a: AuditDrafts, b: AuditDrafts) =>
  a.requester === b.requester && a.ticket === b.ticket && a.text === b.text;
const keyOf = (filters: AuditFilters) => searchOfAuditFilters(filters).toString();

/**
 * The audit view the URL holds, and its changes. The router shows a new URL in a transition, so a
 * change is applied before it is shown, and a render of the old URL (a keystroke's) may come in
 * between. Changes therefore build on the newest applied filters, kept apart from what is shown, and
 * that record is touched only on commits: a URL this page applied is already in it; any other URL
 * (back, forward, a link) replaces it and the text boxes. Nothing here is written during render,
 * where React may render a URL it then throws away.
 */
export function useAuditView(
  search: URLSearchParams,
  setSearch: (next: URLSearchParams) => void,
  loadedAt: number | undefined,
) {
  const filters = useMemo(() => auditFiltersFromSearch(search), [search]);
  const position = useMemo(() => auditPageFromSearch(search), [search]);
  const viewKey = useMemo(() => keyOf(filters), [filters]);
  const [drafts, setDrafts] = useState(() => draftsOf(filters));
  // What the boxes hold now, for an apply in the same event as a keystroke.
  const typed = useRef(drafts);
  const showDrafts = (next: AuditDrafts) => {
    typed.current = next;
    setDrafts(next);
  };

  const latest = useRef(filters);
  // Views applied here and not yet shown, oldest first.
  const applied = useRef<string[]>([]);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const push = useRef(setSearch);
  useLayoutEffect(() => {
    push.current = setSearch;
  });

  // "Last 30 days" is resolved once per applied view (or refresh), so its query key stays put and
  // back to a view shows the page it showed. The first view uses the moment the route loader
  // prefetched at, so the page picks up that fetch instead of starting another.
  const [mountedAt] = useState(() => loadedAt ?? Date.now());
  const [moments, setMoments] = useState<ReadonlyMap<string, number>>(
    () => new Map([[viewKey, mountedAt]]),
  );
  const resolvedAt = moments.get(viewKey) ?? mountedAt;

  useLayoutEffect(() => {
    const index = applied.current.indexOf(viewKey);
    if (index >= 0) {
      applied.current.splice(0, index + 1);
      return;
    }
    applied.current = [];
    latest.current = filters;
    if (!sameDrafts(typed.current, draftsOf(filters))) showDrafts(draftsOf(filters));
    // Keyed by the view alone: a new page of the same view is not a new view.
  }, [viewKey]);

  /**
   * New filters or order with what the boxes hold, built on the newest applied filters; they start
   * over at page 1.
   */
  const apply = useCallback((change: Partial<AuditFilters> = {}) => {
    clearTimeout(typing.current);
    const next = { ...latest.current, ...typed.current, ...change };
    const key = keyOf(next);
    latest.current = next;
    applied.current.push(key);
    showDrafts(draftsOf(next));
    setMoments((known) => new Map(known).set(key, Date.now()));
    push.current(searchOfAuditFilters(next));
  }, []);

  const setDraft = useCallback((name: keyof AuditDrafts, value: string) => {
    showDrafts({ ...typed.current, [name]: value });
  }, []);

  // Typing applies after a pause; Enter (an apply) cancels the pause.
  useEffect(() => {
    if (sameDrafts(drafts, draftsOf(latest.current))) return;
    typing.current = setTimeout(() => apply(), TYPING_PAUSE_MS);
    return () => clearTimeout(typing.current);
  }, [drafts, apply]);

  const refresh = useCallback(
    () => setMoments((known) => new Map(known).set(viewKey, Date.now())),
    [viewKey],
  );

  return { filters, position, viewKey, resolvedAt, drafts, setDraft, apply, refresh };
}
