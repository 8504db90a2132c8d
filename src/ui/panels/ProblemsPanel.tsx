import { Fragment, memo, useDeferredValue, useMemo, useState } from 'react';
import { changes, codeInfo, codeName, describeTarget, type Problem, type Severity, type Topology } from '../../core';
import { readField, type FieldRef } from '../edits/field-edit';
import { clusterIndex } from '../edits/ids';
import type { Draft } from '../store/session';
import { useDesigner, useDesignerContext } from '../shell/context';
import { useSettledTopology } from '../shell/settled';
import { Icon, SeverityIcon } from '../shell/icons';
import { useDerived } from '../shell/use-derived';
import type { Survival } from '../derive/derive';
import { useRunCommand } from '../shell/use-command';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/** Items of a group listed before "Show N more". */
const GROUP_SHOWN = 100;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * Every problem of the lint and the budget, grouped by severity, errors first, each group folding away; the field
 * text not applied (drafts) among the errors; then what the design survives and the changes since the last download.
 * A click goes to what a problem is about.
 */
export function ProblemsPanel() {
  const { problems: derived, failure } = useDerived();
  const run = useRunCommand();
  const starting = useDesigner((s) => s.design.topology.clusters.length === 0);
  const drafts = useDesigner((s) => s.session.drafts);
  const [folded, setFolded] = useState<ReadonlySet<Severity>>(() => new Set());
  // Groups past GROUP_SHOWN asked to show every item: a design can have thousands, which would make the page crawl.
  const [whole, setWhole] = useState<ReadonlySet<Severity>>(() => new Set());
  // An empty canvas is where every design starts: guidance, not the lint's TOPOLOGY_EMPTY error (which the CLI keeps,
  // as it refuses to render a file of no clusters).
  const problems = starting ? derived.filter((p) => p.code !== 'TOPOLOGY_EMPTY') : derived;
  const draftList = Object.entries(drafts);
  const draftCount = (severity: Severity) => (severity === 'error' ? draftList.length : 0);
  const counts = GROUPS.map((g) => ({
    ...g,
    count: problems.filter((p) => p.severity === g.severity).length + (g.severity === 'error' ? draftList.length : 0),
  }));
  const toggle = (severity: Severity) =>
    setFolded((prev) => {
      const next = new Set(prev);
      if (!next.delete(severity)) next.add(severity);
      return next;
    });
  return (
    <section className="pane pane--problems">
      <header className="pane__head">
        <h2 className="pane__title">Problems</h2>
        <span className="pane__counts">
          {counts.map((g) => (
            <span key={g.severity} className={`count-chip sev--${g.severity}${g.count === 0 ? ' is-zero' : ''}`} title={g.title}>
              <SeverityIcon severity={g.severity} size={12} /> {g.count}
            </span>
          ))}
        </span>
      </header>
      {failure && (
        <p className="pane__failure" role="alert">
          The renderer failed: {failure}. The last output is shown; please report this.
        </p>
      )}
      <div className="problems-body">
        <ul className="problem-list" aria-label="Problems">
          {starting && draftList.length === 0 && (
            <li className="problem-start">
              <Icon name="info" size={16} />
              <span>
                An empty design is a start. Add a cluster (the Add cluster button, or N) or open one of the Templates; problems show here as you design.
              </span>
            </li>
          )}
          {!starting && counts.every((g) => g.count === 0) && (
            <li className="problem-empty">
              <Icon name="ok" size={16} /> No problems found.
            </li>
          )}
          {counts.map((g) => {
            if (g.count === 0) return null;
            const open = !folded.has(g.severity);
            return (
              <Fragment key={g.severity}>
                <li className={`problem-group sev--${g.severity}`}>
                  <button type="button" className="problem-group__toggle" aria-expanded={open} onClick={() => toggle(g.severity)}>
                    <span className="problem-group__chevron" aria-hidden="true">
                      {open ? '▾' : '▸'}
                    </span>
                    {g.title} · {g.count}
                  </button>
                </li>
                {open &&
                  g.severity === 'error' &&
                  draftList.map(([key, d]) => <DraftItem key={key} draft={d} onReveal={() => run('draft.reveal', { ref: d.ref })} />)}
                {open &&
                  problems
                    .filter((p) => p.severity === g.severity)
                    .slice(0, whole.has(g.severity) ? undefined : GROUP_SHOWN)
                    .map((p, i) => <ProblemItem key={`${p.code}-${i}-${p.message}`} problem={p} onReveal={() => run('problem.reveal', { problem: p })} />)}
                {open && !whole.has(g.severity) && g.count - draftCount(g.severity) > GROUP_SHOWN && (
                  <li className="problem-more">
                    <button type="button" className="btn btn--ghost" onClick={() => setWhole((prev) => new Set(prev).add(g.severity))}>
                      Show {g.count - draftCount(g.severity) - GROUP_SHOWN} more {g.title.toLowerCase()}
                    </button>
                  </li>
                )}
              </Fragment>
            );
          })}
        </ul>
        <ChangesSection />
        <SurvivalSection />
      </div>
    </section>
  );
}

/**
 * What the design survives, for the settled topology, in a render after the problems' (a deferred value): a task of
 * its own, so a very large design's page still answers between the two.
 */
function SurvivalSection() {
  const { deriver } = useDesignerContext();
  const topology = useDeferredValue<Topology | null>(useSettledTopology(), null);
  if (!topology) return null;
  // A design too large to render is not deployed, and the page must stay light for it (e2e/too-large.spec.ts).
  if (deriver.tooLarge(topology)) return <SurvivalView survival={TOO_LARGE} />;
  return <SurvivalView survival={deriver.survival(topology)} />;
}

const TOO_LARGE: Survival = { summary: ['Not stated: the design is too large to render, so it cannot be deployed as it is.'], details: [] };

/** The core's survival statement, at the top, its numbers a click away. */
const SurvivalView = memo(function SurvivalView({ survival }: { survival: Survival }) {
  // The numbers are rendered only once asked for: a design of 500 separate clusters has a thousand lines of them.
  const [open, setOpen] = useState(false);
  if (survival.summary.length === 0) return null;
  const shown = survival.summary.slice(0, SUMMARY_LINES);
  const more = survival.summary.length - shown.length;
  return (
    <section className="survives" aria-labelledby="survives-title">
      <h3 className="survives__title" id="survives-title">
        What it survives
      </h3>
      <ul className="survives__summary">
        {shown.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {survival.details.length + more > 0 && (
        <details className="survives__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{more > 0 ? `Details, and ${more} more system${more === 1 ? '' : 's'}` : 'Details'}</summary>
          {open && (
            <ul>
              {survival.summary.slice(SUMMARY_LINES).map((line, i) => (
                <li key={`s${i}`}>{line}</li>
              ))}
              {survival.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
});

/** Systems stated at the top; the rest are behind Details. */
const SUMMARY_LINES = 5;

/**
 * The day-2 changes since the design last downloaded (the core's `changes`): what applying this design over the
 * running one needs beyond `kubectl apply`, each with the README procedure. Shown once a bundle was downloaded.
 */
function ChangesSection() {
  const baseline = useDesigner((s) => s.session.baseline);
  const topology = useSettledTopology();
  const run = useRunCommand();
  const found = useMemo(() => (baseline ? changes(baseline.topology, topology) : []), [baseline, topology]);
  if (!baseline) return null;
  return (
    <section className="since" aria-labelledby="since-title">
      <header className="since__head">
        <h3 className="since__title" id="since-title">
          Since the last download · {found.length}
        </h3>
        <button type="button" className="link-button" onClick={() => run('baseline.forget')} title="Stop comparing with the design last downloaded">
          Forget it
        </button>
      </header>
      <p className="since__what">
        {baseline.file === null ? 'Compared with the design you last downloaded' : `Compared with the design in ${baseline.file}`}:{' '}
        {found.length === 0 ? 'nothing needs more than applying the new bundle.' : 'applying this design over it needs more than kubectl apply.'}
      </p>
      {found.length > 0 && (
        <ul className="problem-list" aria-label="Changes since the last download">
          {found.map((p, i) => (
            <ProblemItem key={`${p.code}-${i}-${p.message}`} problem={p} onReveal={() => run('problem.reveal', { problem: p })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({ problem, onReveal }: { problem: Problem; onReveal: () => void }) {
  return (
    <li className={`problem sev--${problem.severity}`}>
      <button type="button" className="problem__button" onClick={onReveal} title="Show where this is">
        <span className="problem__icon">
          <SeverityIcon severity={problem.severity} size={14} />
          <span className="visually-hidden">{SEVERITY_LABEL[problem.severity]}: </span>
        </span>
        <span className="problem__body">
          <span className="problem__line">
            <code className="problem__code">{problem.code}</code>
            <span className="problem__name" title={codeInfo(problem.code).help}>
              {codeName(problem.code)}
            </span>
            <span className="problem__message">{problem.message}</span>
          </span>
          <span className="problem__fix">{problem.fix}</span>
          <span className="problem__target">{describeTarget(problem.target)}</span>
        </span>
      </button>
    </li>
  );
}

/** Text typed at a field that the parser refused: an error of that field, not yet part of the design. */
function DraftItem({ draft, onReveal }: { draft: Draft; onReveal: () => void }) {
  const kept = useDesigner((s) => readField(s.design.topology, draft.ref));
  const where = useDesigner((s) => draftTarget(s.design.topology, draft.ref));
  return (
    <li className="problem sev--error problem--draft">
      <button type="button" className="problem__button" onClick={onReveal} title="Show the field">
        <span className="problem__icon">
          <SeverityIcon severity="error" size={14} />
          <span className="visually-hidden">{SEVERITY_LABEL.error}: </span>
        </span>
        <span className="problem__body">
          <span className="problem__line">
            <code className="problem__code">draft</code>
            <span className="problem__name">Not applied: {JSON.stringify(draft.raw)}</span>
            <span className="problem__message">{draft.message}</span>
          </span>
          <span className="problem__fix">
            The design keeps {kept === '' ? 'the field empty' : JSON.stringify(String(kept))} until the text is valid; selecting something else drops the text.
          </span>
          <span className="problem__target">{where}</span>
        </span>
      </button>
    </li>
  );
}

/** Where a draft is, in the words problems use for their targets (`cluster c2 (name)`). */
function draftTarget(t: Topology, ref: FieldRef): string {
  switch (ref.scope) {
    case 'cluster': {
      const i = clusterIndex(t, String(ref.id));
      return describeTarget({ kind: 'cluster', cluster: i < 0 ? String(ref.id) : t.clusters[i].name, field: ref.field });
    }
    case 'account': {
      const name = typeof ref.id === 'number' ? t.accounts[ref.id]?.name : undefined;
      return describeTarget({ kind: 'account', account: name ?? String(ref.id), field: ref.field });
    }
    case 'kind':
      return describeTarget({ kind: 'kind', field: ref.field });
    case 'workload':
      return describeTarget({ kind: 'kind', field: `otherWorkloads[${String(ref.id)}].${ref.field}` });
    case 'defaults':
      return describeTarget({ kind: 'topology', field: `defaults.${ref.field}` });
    case 'topology':
      return describeTarget({ kind: 'topology', field: ref.field });
  }
}
