import { formatParseError } from '../io/import';
import { setImportFailure } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';

/** Shown at most this many errors; the rest are counted. */
const SHOWN = 8;

/** An import's errors, each with its line and column, until dismissed or the next import is clean. */
export function ImportBanner() {
  const failure = useDesigner((s) => s.session.importFailure);
  const { store } = useDesignerContext();
  if (!failure) return null;
  const { errors } = failure;
  return (
    <div className="banner banner--error banner--list" role="alert" aria-label={failure.imported ? 'Import errors' : 'Import failed'}>
      <Icon name="error" />
      <div className="banner__body">
        <strong>
          {failure.imported
            ? `Imported ${failure.source} with ${errors.length} error${errors.length === 1 ? '' : 's'}; the Problems panel lists them too.`
            : `Could not import ${failure.source}: ${errors.length} error${errors.length === 1 ? '' : 's'}. Nothing was changed.`}
        </strong>
        <ul className="banner__list">
          {errors.slice(0, SHOWN).map((e, i) => (
            <li key={i}>
              <code>{formatParseError(e)}</code>
            </li>
          ))}
          {errors.length > SHOWN && <li className="muted">and {errors.length - SHOWN} more</li>}
        </ul>
      </div>
      <button type="button" className="btn btn--small" onClick={() => setImportFailure(store, null)}>
        Dismiss
      </button>
    </div>
  );
}
