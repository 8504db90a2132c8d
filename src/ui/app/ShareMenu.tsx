import { useEffect, useRef, useState } from 'react';
import { SHARE_LIMITS } from '../../core';
import { useRunCommand } from '../shell/use-command';
import { shareLink, type ShareLink } from '../io/share';
import { closeDialog } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

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
      {open && <SharePopover onClose={close} />}
    </div>
  );
}

type CopyState = 'copying' | 'copied' | 'refused' | 'too-long';

function SharePopover({ onClose }: { onClose: () => void }) {
  const { store } = useDesignerContext();
  // The link of the design as it is when the popover opens; the popover closes before anything else is edited.
  const [link] = useState<ShareLink>(() => shareLink(window.location, store.getState().design.topology));
  const [copy, setCopy] = useState<CopyState>(link.tooLong ? 'too-long' : 'copying');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    selectShowingStart(field.current);
    if (link.tooLong) return;
    let live = true;
    writeClipboard(link.url).then((ok) => live && setCopy(ok ? 'copied' : 'refused'));
    return () => {
      live = false;
    };
  }, [link]);

  const copyAgain = async () => {
    selectShowingStart(field.current);
    setCopy((await writeClipboard(link.url)) || document.execCommand('copy') ? 'copied' : 'refused');
  };

  return (
    <div
      className="popover popover--right share"
      role="dialog"
      aria-label="Share link"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className="popover__title">Share link</h2>
      <p className="popover__lead">Anyone who opens this link gets a copy of this design. It holds the design only: no passwords, no view settings.</p>
      <div className="share__row">
        <input
          ref={field}
          className="share__url"
          type="text"
          readOnly
          value={link.url}
          aria-label="Link to this design"
          spellCheck={false}
          onFocus={(e) => selectShowingStart(e.currentTarget)}
        />
        <button type="button" className="btn btn--primary" onClick={copyAgain} disabled={link.tooLong}>
          Copy
        </button>
      </div>
      <p className="share__status" aria-live="polite">
        <span className="share__length" data-length={link.length}>
          {link.length.toLocaleString('en')} characters
        </span>
        {' · '}
        {copy === 'copied' && <span className="share__ok">Copied to the clipboard.</span>}
        {copy === 'copying' && <span className="muted">Copying…</span>}
        {copy === 'refused' && <span>The browser refused the clipboard: copy the link from the field.</span>}
        {copy === 'too-long' && <span className="share__warn">Too long to open: export the topology file and share that instead.</span>}
      </p>
      {link.long && !link.tooLong && (
        <p className="share__warn" role="note">
          <Icon name="warning" size={14} /> Longer than {SHARE_LIMITS.warnChars.toLocaleString('en')} characters: chat tools and some browsers cut links this
          long. Export the topology and share the file if it does not open.
        </p>
      )}
    </div>
  );
}

/** Selects the whole link with the caret at its start, so the field shows where the link goes, not its tail. */
function selectShowingStart(input: HTMLInputElement | null): void {
  if (!input) return;
  if (document.activeElement !== input) input.focus();
  input.setSelectionRange(0, input.value.length, 'backward');
  input.scrollLeft = 0;
}

/** Writes text to the clipboard; false when the browser refuses (no secure context, no permission). */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
