import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { visuallyHiddenStyle } from './visually-hidden';

type Politeness = 'polite' | 'assertive';

type Announce = (text: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

/** Says something to screen readers without moving focus, e.g. "Approved: Alice, ReadOnly in sandbox". */
export const useAnnounce = (): Announce => useContext(AnnouncerContext);

/**
 * Two live regions that exist before anything is said in them (a region added together with its text
 * is not announced): polite for results, assertive for errors. Each message replaces the last; the
 * same text twice is re-announced by clearing first.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const announce = useCallback<Announce>((text, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    set('');
    // A moment later: screen readers announce a change, so an identical message needs the blank first.
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      set(text);
    }, 50);
    timers.current.add(timer);
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div style={visuallyHiddenStyle}>
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
          {polite}
        </div>
        <div
          role="alert"
          aria-live="assertive"
          aria-atomic="true"
          data-testid="announcer-assertive"
        >
          {assertive}
        </div>
      </div>
    </AnnouncerContext.Provider>
  );
}
