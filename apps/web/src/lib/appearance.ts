import { applyDensity, applyMode, Density, Mode } from '@cloudscape-design/global-styles';

/** "system" follows the OS's light or dark setting (prefers-color-scheme), live. */
export type ColorScheme = 'system' | 'light' | 'dark';
type DensityChoice = 'comfortable' | 'compact';

export interface Appearance {
  colorScheme: ColorScheme;
  density: DensityChoice;
}

const DEFAULT_APPEARANCE: Appearance = { colorScheme: 'system', density: 'comfortable' };

/** Per browser, not per account: the same person may want dark on a laptop and light on a phone. */
const APPEARANCE_STORAGE_KEY = 'elevate.appearance';

const SCHEMES: readonly ColorScheme[] = ['system', 'light', 'dark'];
const DENSITIES: readonly DensityChoice[] = ['comfortable', 'compact'];

/** What was remembered, or the default for anything missing or unreadable. */
function parseAppearance(stored: string | null): Appearance {
  if (!stored) return DEFAULT_APPEARANCE;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return DEFAULT_APPEARANCE;
    const { colorScheme, density } = value as Record<string, unknown>;
    return {
      colorScheme: SCHEMES.find((scheme) => scheme === colorScheme) ?? 'system',
      density: DENSITIES.find((choice) => choice === density) ?? 'comfortable',
    };
  } catch {
    return DEFAULT_APPEARANCE;
  }
}

export function loadAppearance(
  storage: Pick<Storage, 'getItem'> = window.localStorage,
): Appearance {
  try {
    return parseAppearance(storage.getItem(APPEARANCE_STORAGE_KEY));
  } catch {
    // Storage can be refused (privacy settings); the defaults still work.
    return DEFAULT_APPEARANCE;
  }
}

export function saveAppearance(
  appearance: Appearance,
  storage: Pick<Storage, 'setItem'> = window.localStorage,
): void {
  try {
    storage.setItem(APPEARANCE_STORAGE_KEY, JSON.stringify(appearance));
  } catch {
    // Not remembered; applied for this visit all the same.
  }
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the page should be dark now, given the choice and the OS setting. */
function isDark(colorScheme: ColorScheme, systemDark: boolean): boolean {
  return colorScheme === 'dark' || (colorScheme === 'system' && systemDark);
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** Calls back when the OS switches between light and dark; returns the unsubscribe. */
export function onSystemSchemeChange(listener: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Cloudscape's own dark mode and compact density, on the whole document. */
export function applyAppearance(appearance: Appearance, systemDark = systemPrefersDark()): void {
  applyMode(isDark(appearance.colorScheme, systemDark) ? Mode.Dark : Mode.Light);
  applyDensity(appearance.density === 'compact' ? Density.Compact : Density.Comfortable);
}
