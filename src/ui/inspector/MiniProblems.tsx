import type { Problem } from '../../core';
import { SeverityIcon } from '../shell/icons';

/** The problems of the selected cluster or link, listed under its form. Nothing when there are none. */
export function MiniProblems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>Problems</legend>
      <ul className="mini-problems">
        {problems.map((p, i) => (
          <li key={i} className={`sev--${p.severity}`}>
            <SeverityIcon severity={p.severity} size={12} /> <code>{p.code}</code> {p.message}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
