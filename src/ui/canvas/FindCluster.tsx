import { memo, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDesignerContext, useDesigner } from '../shell/context';
import { clusterIds } from '../edits/ids';
import { select } from '../store/store';
import { findClusters, type Match } from './find';

/** Matches listed at most; the rest are counted. */
const MAX_LISTED = 8;

/**
 * "Find cluster": a search box over the canvas. Typing lists the clusters whose name holds the text; Enter (or a click
 * on one) selects it and brings it into view; Escape clears the box, and a second Escape leaves it. It is an input,
 * so no canvas shortcut fires while typing in it (see commands/keys.ts).
 */
export const FindCluster = memo(function FindCluster({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { store, view } = useDesignerContext();
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const ids = useDesigner(useShallow((s) => clusterIds(s.design.topology)));
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => findClusters(names, ids, query), [names, ids, query]);
  const listId = useId();
  const shown = matches.slice(0, MAX_LISTED);
  const listed = open && query.trim() !== '';
  const current = Math.min(active, shown.length - 1);

  const pick = (m: Match) => {
    select(store, { clusters: [m.id], gateways: [] });
    view.current?.fitView([m.id]);
    setQuery(m.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown.length) return;
      setOpen(true);
      setActive((current + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (shown[current]) pick(shown[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      // Not the designer's Escape (clear the selection): the box handles it.
      e.stopPropagation();
      if (query !== '') {
        setQuery('');
        setOpen(false);
      } else e.currentTarget.blur();
    }
  };

  if (names.length === 0) return null;
  return (
    <div className="find-cluster">
      <input
        ref={inputRef}
        type="search"
        className="find-cluster__input"
        aria-label="Find cluster"
        placeholder="Find cluster"
        autoComplete="off"
        spellCheck={false}
        aria-controls={listed ? listId : undefined}
        aria-activedescendant={listed && shown[current] ? `${listId}-${current}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      {listed && shown.length > 0 && (
        <ul className="find-cluster__list" role="listbox" id={listId} aria-label="Clusters found">
          {shown.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={`find-cluster__option${i === current ? ' is-active' : ''}`}
              // Keep the focus in the box: the click picks, the blur would close the list first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
            >
              {m.name}
            </li>
          ))}
        </ul>
      )}
      {listed && matches.length === 0 && <p className="find-cluster__note">No cluster name holds “{query.trim()}”</p>}
      {listed && matches.length > shown.length && <p className="find-cluster__note">{matches.length - shown.length} more: type more of the name</p>}
    </div>
  );
});
