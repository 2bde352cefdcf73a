import { useCallback, useEffect, useState } from 'react';
import {
  applyAppearance,
  loadAppearance,
  onSystemSchemeChange,
  saveAppearance,
  type Appearance,
} from '../lib/appearance';

/** The remembered appearance, applied now and whenever it or the OS's light/dark setting changes. */
export function useAppearance(): [Appearance, (next: Appearance) => void] {
  const [appearance, setAppearance] = useState(loadAppearance);
  useEffect(() => {
    applyAppearance(appearance);
    if (appearance.colorScheme !== 'system') return undefined;
    return onSystemSchemeChange(() => applyAppearance(appearance));
  }, [appearance]);
  const choose = useCallback((next: Appearance) => {
    saveAppearance(next);
    setAppearance(next);
  }, []);
  return [appearance, choose];
}
