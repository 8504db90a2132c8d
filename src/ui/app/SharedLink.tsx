import { useEffect, useRef } from 'react';
import { useRunCommand } from '../shell/use-command';
import { useDesigner } from '../shell/context';
import { Icon } from '../shell/icons';

/** A share link that cannot be opened: what is wrong with it, in words; the saved design is left as it was. */
export function SharedLinkBanner() {
  const incoming = useDesigner((s) => s.session.incoming);
  const run = useRunCommand();
  if (incoming?.kind !== 'error') return null;
  return (
    <div className="banner banner--error" role="alert">
      <Icon name="error" />
      <span>
        <strong>This share link cannot be opened.</strong> {incoming.message} Your own design is unchanged.
      </span>
      <button type="button" className="btn btn--small" onClick={() => run('link.dismiss')}>
        Dismiss
      </button>
    </div>
  );
}

/** The link's design differs from the one being worked on: ask before replacing it. */
export function SharedLinkDialog() {
  const incoming = useDesigner((s) => s.session.incoming);
  const mine = useDesigner((s) => (s.session.incoming?.kind === 'ask' ? s.design.topology : null));
  const run = useRunCommand();
  const keep = useRef<HTMLButtonElement>(null);
  const asking = incoming?.kind === 'ask';
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  if (incoming?.kind !== 'ask' || !mine) return null;
  const shared = incoming.topology;
  const count = (n: number) => `${n} cluster${n === 1 ? '' : 's'}`;
  return (
    <div className="overlay">
      <div
        className="dialog dialog--narrow"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="shared-title"
        aria-describedby="shared-what"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            run('link.dismiss');
          }
        }}
      >
        <header className="dialog__head">
          <h2 id="shared-title">Open the shared design?</h2>
        </header>
        <div id="shared-what">
          <p className="dialog__lead">
            The link holds <strong className="name">{shared.name}</strong> ({count(shared.clusters.length)}). It differs from your design{' '}
            <strong className="name">{mine.name}</strong> ({count(mine.clusters.length)}).
          </p>
          <p className="hint">Opening it replaces your design; Undo brings yours back.</p>
        </div>
        <footer className="dialog__foot">
          <button ref={keep} type="button" className="btn" onClick={() => run('link.dismiss')}>
            Keep mine
          </button>
          <button type="button" className="btn btn--primary" onClick={() => run('link.accept')}>
            Open shared
          </button>
        </footer>
      </div>
    </div>
  );
}
