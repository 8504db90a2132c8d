/**
 * When the browser writes the autosave: at the next idle moment (within a second at most), and at once when the
 * page is hidden or goes away (a reload, a closed tab), so nothing typed is lost. Serializing a big design with its
 * undo history takes milliseconds a keystroke should not wait for.
 */
export function idleAutosave(win: Window = window): (write: () => void) => void {
  let pending: (() => void) | null = null;
  const flush = () => {
    const write = pending;
    pending = null;
    write?.();
  };
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') flush();
  });
  return (write) => {
    const waiting = pending !== null;
    pending = write;
    if (waiting) return;
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(flush, { timeout: 1000 });
    else win.setTimeout(flush, 200);
  };
}
