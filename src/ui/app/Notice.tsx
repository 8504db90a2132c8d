import { useEffect } from 'react';
import { dismissNotice } from '../store/store';
import { useRunCommand } from '../shell/use-command';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

const SHOW_MS = 5000;

/** A short message over the canvas (template loaded, a link refused), with an optional action. */
export function Notice() {
  const notice = useDesigner((s) => s.session.notice);
  const { store } = useDesignerContext();
  const run = useRunCommand();
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => dismissNotice(store, notice), notice.tone === 'error' ? SHOW_MS * 2 : SHOW_MS);
    return () => clearTimeout(t);
  }, [notice, store]);
  return (
    <div className="notice-host" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice--${notice.tone}`} key={notice.nonce}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                run(notice.action!.command);
                dismissNotice(store, notice);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="notice__close" aria-label="Dismiss" onClick={() => dismissNotice(store, notice)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
