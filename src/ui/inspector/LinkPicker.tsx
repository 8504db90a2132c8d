import { useRef, useState } from 'react';
import { useRunCommand } from '../shell/use-command';

/**
 * "Link to…": links the cluster `name` to the one chosen. A closed select fires `change` for every option that arrow
 * keys or typed letters pass over, so those only move the choice; a link is made on a choice the user means: Enter,
 * a pick from the open list (a click), or the Link button.
 */
export function LinkPicker({ name, candidates }: { name: string; candidates: string[] }) {
  const run = useRunCommand();
  const [choice, setChoice] = useState('');
  // True only while a key press is being handled: the `change` it causes is dispatched within it.
  const keyed = useRef(false);
  const value = candidates.includes(choice) ? choice : '';
  const link = (peer: string) => {
    setChoice('');
    if (peer) run('gateway.connect', { a: name, b: peer });
  };
  return (
    <div className="link-picker">
      <select
        className="link-select"
        aria-label="Link to another cluster"
        value={value}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            link(value);
            return;
          }
          keyed.current = true;
          setTimeout(() => (keyed.current = false));
        }}
        onChange={(e) => (keyed.current ? setChoice(e.target.value) : link(e.target.value))}
      >
        <option value="">Link to…</option>
        {candidates.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--small" disabled={value === ''} onClick={() => link(value)}>
        Link
      </button>
    </div>
  );
}
