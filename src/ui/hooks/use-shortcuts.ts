import { useEffect } from 'react';
import { commandForKey, runShortcut, type CommandContext } from '../commands/registry';
import { isTypingTarget } from '../commands/keys';

/** Routes key presses to the command registry, except while the user types in a field or the code view. */
export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      const state = ctx.store.getState();
      if (state.dialog) {
        if (e.key === 'Escape') ctx.store.setState({ dialog: null });
        return;
      }
      const cmd = commandForKey(e);
      if (!cmd) return;
      // Leave the browser's copy alone when the user has selected text on the page.
      if (cmd.id === 'selection.copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      if (runShortcut(ctx, cmd)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx]);
}
