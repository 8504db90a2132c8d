import { useRunCommand } from '../shell/use-command';
import { useChosenOption } from './use-chosen-option';

/**
 * "Link to…": links the cluster `name` to the one chosen: on Enter, a pick from the open list (a click), or the Link
 * button; arrowing through the options links nothing ({@link useChosenOption}).
 */
export function LinkPicker({ name, candidates }: { name: string; candidates: string[] }) {
  const run = useRunCommand();
  const choice = useChosenOption('', (peer) => {
    if (candidates.includes(peer)) run('gateway.connect', { a: name, b: peer });
  });
  const value = candidates.includes(choice.value) ? choice.value : '';
  return (
    <div className="link-picker">
      <select className="link-select" aria-label="Link to another cluster" value={value} onKeyDown={choice.onKeyDown} onChange={choice.onChange}>
        <option value="">Link to…</option>
        {candidates.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--small" disabled={value === ''} onClick={choice.commitShown}>
        Link
      </button>
    </div>
  );
}
