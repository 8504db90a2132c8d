import { useEffect, useRef } from 'react';
import { COMMANDS, type Command } from '../commands/registry';
import { closeDialog } from '../store/store';
import { formatShortcut } from '../commands/keys';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const GESTURES: [string, string][] = [
  ['Link two clusters', 'Drag from a dot on one cluster onto another'],
  ['Add a linked cluster', 'Drag from a dot onto empty canvas'],
  ['Select several', 'Shift-click, or Shift-drag a box'],
  ['Move', 'Drag a cluster (snaps to the grid)'],
  ['Pan / zoom', 'Drag the background / scroll or pinch'],
  ['Add from the palette', 'Drag an item onto the canvas'],
];

/** The `?` dialog: every command with a shortcut, from the registry, plus the mouse gestures. */
export function ShortcutsDialog() {
  const open = useDesigner((s) => s.session.dialog === 'shortcuts');
  const { store } = useDesignerContext();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => previous?.focus?.();
  }, [open]);
  if (!open) return null;
  const close = () => closeDialog(store, 'shortcuts');
  const groups = new Map<string, Command[]>();
  for (const c of Object.values(COMMANDS) as Command[]) {
    if (!c.shortcuts?.length) continue;
    groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  }
  return (
    <div className="overlay" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <header className="dialog__head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="btn btn--icon" aria-label="Close" onClick={close} ref={closeButton}>
            <Icon name="close" />
          </button>
        </header>
        <p className="hint">Shortcuts do nothing while you type in a field or the code view.</p>
        <div className="shortcut-groups">
          {[...groups.entries()].map(([group, commands]) => (
            <section key={group}>
              <h3>{group}</h3>
              <dl className="shortcuts">
                {commands.map((c) => (
                  <div key={c.id} className="shortcut">
                    <dt>{c.label}</dt>
                    <dd>
                      {c.shortcuts!.map((s) => (
                        <kbd key={s}>{formatShortcut(s, MAC)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section>
            <h3>Mouse</h3>
            <dl className="shortcuts">
              {GESTURES.map(([what, how]) => (
                <div key={what} className="shortcut">
                  <dt>{what}</dt>
                  <dd className="muted">{how}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
