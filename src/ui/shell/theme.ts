/**
 * Light and dark themes. The preference is `system` (follow the OS), `light` or `dark`; it is kept in its own
 * localStorage key, apart from the design, so undo never touches it.
 */
import { useSyncExternalStore } from 'react';
import type { ThemePreference } from '../store/session';
import type { DesignerStore } from '../store/store';
import { useDesigner } from './context';

export const PREFS_KEY = 'nats-topology-designer:prefs';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function loadThemePreference(storage: Storage | null): ThemePreference {
  try {
    const raw = storage?.getItem(PREFS_KEY);
    const theme = raw ? (JSON.parse(raw) as { theme?: unknown }).theme : undefined;
    return theme === 'light' || theme === 'dark' ? theme : 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the preference saved whenever it changes. */
export function persistThemePreference(store: DesignerStore, storage: Storage | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.session.theme === prev.session.theme || !storage) return;
    try {
      storage.setItem(PREFS_KEY, JSON.stringify({ theme: s.session.theme }));
    } catch {
      // Preferences are a nicety; a refused write changes nothing else.
    }
  });
}

function subscribeSystem(cb: () => void): () => void {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

function systemIsDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** The theme in effect: the preference, or the system's when the preference is `system`. */
export function useResolvedTheme(): 'light' | 'dark' {
  const pref = useDesigner((s) => s.session.theme);
  const dark = useSyncExternalStore(subscribeSystem, systemIsDark, () => false);
  return pref === 'system' ? (dark ? 'dark' : 'light') : pref;
}

export const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
