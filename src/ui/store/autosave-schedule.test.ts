import { describe, expect, it } from 'vitest';
import { idleAutosave } from './autosave-schedule';

/** Just enough of a window: events, a document with a visibility state, and an idle callback run by hand. */
function fakeWindow() {
  const idle: (() => void)[] = [];
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const win = Object.assign(new EventTarget(), {
    document: doc,
    requestIdleCallback: (cb: () => void) => idle.push(cb),
    setTimeout: () => 0,
  });
  return { win: win as unknown as Window, doc, idle };
}

describe('the browser autosave schedule', () => {
  it('writes at the next idle moment, once for all the changes before it', () => {
    const { win, idle } = fakeWindow();
    const schedule = idleAutosave(win);
    const written: string[] = [];
    schedule(() => written.push('first'));
    schedule(() => written.push('latest'));
    expect(idle).toHaveLength(1);
    expect(written).toEqual([]);
    idle[0]();
    expect(written).toEqual(['latest']);
  });

  it('writes at once when the page is hidden or goes away, and not again at idle', () => {
    const { win, doc, idle } = fakeWindow();
    const schedule = idleAutosave(win);
    const written: string[] = [];

    schedule(() => written.push('hidden'));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(written).toEqual(['hidden']);

    schedule(() => written.push('pagehide'));
    win.dispatchEvent(new Event('pagehide'));
    expect(written).toEqual(['hidden', 'pagehide']);

    for (const cb of idle) cb();
    expect(written).toEqual(['hidden', 'pagehide']);
  });
});
