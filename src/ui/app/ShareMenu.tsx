import { lazy, Suspense, useEffect, useRef } from 'react';
import { useRunCommand } from '../shell/use-command';
import { closeDialog } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

const SharePopover = lazy(() => import('./SharePopover').then((m) => ({ default: m.SharePopover })));

/**
 * "Share link": copies a link that carries the design in its fragment, and always shows it in a field as well,
 * since the clipboard needs a secure context (a LAN `http://` address has none).
 */
export function ShareMenu() {
  const open = useDesigner((s) => s.session.dialog === 'share');
  const { store } = useDesignerContext();
  const run = useRunCommand();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) closeDialog(store, 'share');
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open, store]);

  const close = () => {
    closeDialog(store, 'share');
    button.current?.focus();
  };

  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? closeDialog(store, 'share') : run('share.link'))}
        title="Copy a link that opens this design"
      >
        <Icon name="share" />
        <span className="btn__label--collapsible">Share link</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SharePopover onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
