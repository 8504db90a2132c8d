/**
 * Keyboard shortcut specs such as `mod+shift+z`: `mod` is Ctrl, or ⌘ on a Mac (either is accepted on any
 * platform); letters match case-insensitively, digits by physical key so Shift+1 works on every layout.
 */

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(spec: string, e: KeyLike): boolean {
  const parts = spec.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const mod = parts.includes('mod');
  const shift = parts.includes('shift');
  const alt = parts.includes('alt');
  if (mod !== (e.ctrlKey || e.metaKey)) return false;
  if (alt !== e.altKey) return false;
  // '?' is Shift+/ on most layouts but not all: match the character and ignore Shift.
  if (key === '?') return e.key === '?';
  if (shift !== e.shiftKey) return false;
  if (/^\d$/.test(key)) return e.code === `Digit${key}` || e.key === key;
  return e.key.toLowerCase() === key;
}

const NAMES: Record<string, string> = { delete: 'Del', backspace: '⌫', escape: 'Esc', shift: 'Shift', alt: 'Alt' };

/** How a shortcut is written for people on this platform: `Ctrl+Shift+Z` or `⌘⇧Z`. */
export function formatShortcut(spec: string, mac: boolean): string {
  const parts = spec.split('+').map((p) => {
    const l = p.toLowerCase();
    if (l === 'mod') return mac ? '⌘' : 'Ctrl';
    if (mac && l === 'shift') return '⇧';
    if (mac && l === 'alt') return '⌥';
    return NAMES[l] ?? (p.length === 1 ? p.toUpperCase() : p);
  });
  return mac ? parts.join('') : parts.join('+');
}

/** True while typing somewhere: shortcuts must leave inputs, selects and the code editor alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  return el.isContentEditable === true;
}
