import { useEffect } from 'react';
import { stringify } from 'yaml';
import { commandForKey, runCommand, runShortcut, type CommandContext } from '../commands/registry';
import { isTypingTarget } from '../commands/keys';
import { looksLikeTopology } from '../io/import';
import { closeDialog } from '../store/store';

/**
 * Routes key presses to the command registry, except while the user types in a field or the code view.
 *
 * Paste is shared with the system clipboard: Ctrl/⌘+V lets the browser fire its `paste` event, and text that is a
 * topology is imported; anything else pastes the clusters copied in the designer. Copying clusters also puts
 * them on the system clipboard as YAML, so an older topology text there cannot win over a newer copy.
 */
export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    let pendingPaste: ReturnType<typeof setTimeout> | undefined;
    let copying = false;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      const { dialog } = ctx.store.getState().session;
      if (dialog) {
        // Escape closes it; for the shared-link question that means keeping one's own design.
        if (e.key === 'Escape') {
          if (dialog === 'shared-link') runCommand(ctx, 'link.dismiss');
          else closeDialog(ctx.store);
        }
        return;
      }
      const cmd = commandForKey(e);
      if (!cmd) return;
      // Leave the browser's copy alone when the user has selected text on the page.
      if (cmd.id === 'selection.copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      if (cmd.id === 'selection.paste') {
        // The paste event, if the browser fires one, comes before this timer and may take over.
        clearTimeout(pendingPaste);
        pendingPaste = setTimeout(() => {
          pendingPaste = undefined;
          runShortcut(ctx, cmd);
        });
        return;
      }
      if (cmd.id === 'selection.copy') {
        // Not prevented: the browser's copy event follows and carries the clusters to the system clipboard.
        copying = runShortcut(ctx, cmd);
        setTimeout(() => (copying = false));
        return;
      }
      if (runShortcut(ctx, cmd)) e.preventDefault();
    };

    const onCopy = (e: ClipboardEvent) => {
      if (!copying || !e.clipboardData) return;
      copying = false;
      const clip = ctx.store.getState().session.clipboard;
      if (!clip) return;
      e.clipboardData.setData('text/plain', stringify({ clusters: clip.clusters, gateways: clip.gateways }));
      e.preventDefault();
    };

    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || ctx.store.getState().session.dialog) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!looksLikeTopology(text)) return;
      clearTimeout(pendingPaste);
      pendingPaste = undefined;
      e.preventDefault();
      runCommand(ctx, 'topology.import', { text, source: 'the pasted text' });
    };

    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('copy', onCopy);
    window.addEventListener('paste', onPaste);
    return () => {
      clearTimeout(pendingPaste);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('paste', onPaste);
    };
  }, [ctx]);
}
