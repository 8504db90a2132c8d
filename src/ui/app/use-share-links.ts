import { useEffect } from 'react';
import { runCommand, type CommandContext } from '../commands/registry';
import { isShareHash } from '../io/share';

/**
 * Opens a share link in the address (on load, and when the hash changes in an open tab). Once the link is dealt
 * with (opened, kept out, or its error dismissed) the hash is removed with replaceState, so a reload does not ask
 * again and the Back button does not bring it back.
 */
export function useShareLinks(ctx: CommandContext): void {
  useEffect(() => {
    const { store } = ctx;
    const clearHash = () => {
      if (isShareHash(window.location.hash)) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    };
    const open = () => {
      const hash = window.location.hash;
      if (!isShareHash(hash)) return;
      runCommand(ctx, 'link.open', { hash });
      if (store.getState().session.incoming === null) clearHash();
    };
    open();
    const unsubscribe = store.subscribe((s, prev) => {
      if (prev.session.incoming !== null && s.session.incoming === null) clearHash();
    });
    window.addEventListener('hashchange', open);
    return () => {
      window.removeEventListener('hashchange', open);
      unsubscribe();
    };
  }, [ctx]);
}
