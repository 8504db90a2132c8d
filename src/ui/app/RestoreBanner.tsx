import { AUTOSAVE_KEY } from '../store/autosave';
import { discardUnreadableAutosave, notify } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

/** The autosave could not be read: say why, keep it untouched, and let the user copy or discard it. */
export function RestoreBanner({ storage }: { storage: Storage | null }) {
  const error = useDesigner((s) => s.session.restoreError);
  const { store } = useDesignerContext();
  if (!error) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(storage?.getItem(AUTOSAVE_KEY) ?? '');
      notify(store, 'The saved text is on the clipboard.');
    } catch {
      notify(store, 'The browser refused the clipboard; the saved text stays in localStorage under ' + AUTOSAVE_KEY + '.', 'error');
    }
  };
  return (
    <div className="banner" role="alert">
      <Icon name="warning" />
      <span>Your last design could not be restored ({error}). It is kept as it was, and autosave is paused until you decide.</span>
      <button type="button" className="btn btn--small" onClick={copy}>
        Copy saved text
      </button>
      <button type="button" className="btn btn--small btn--danger" onClick={() => discardUnreadableAutosave(store)}>
        Discard it and resume autosave
      </button>
    </div>
  );
}
