import {
  codeInfo,
  codeName,
  isSizeProblem,
  MiB,
  formatBytes,
  formatMi,
  formatMillis,
  PROVIDERS,
  usableMemoryText,
  type Budget,
  type BudgetNode,
  type Problem,
  type ProblemCode,
} from '../../core';
import { Icon } from '../shell/icons';
import { useDerived } from '../shell/use-derived';
import { useRunCommand } from '../shell/use-command';
import { splitCodeRefs } from './code-refs';
import { groupPending, PODS_SHOWN, type PendingGroup } from './pending-groups';

/**
 * The kind budget as bars: the whole VM and each node, CPU and memory, requests and limits. Every number is
 * `budget()`'s own (percentages included); this panel only formats them.
 */
export function BudgetPanel() {
  const { budget } = useDerived();
  return (
    <section className="pane pane--budget" aria-label="Budget">
      <header className="pane__head pane__head--wrap">
        <h2 className="pane__title">Budget</h2>
        {budget && (
          <span className="pane__sub pane__sub--whole">
            {PROVIDERS[budget.vm.provider].label} · {budget.vm.cpuMillis / 1000} CPUs · {formatBytes(budget.vm.memoryBytes)}
            {budget.vm.atProviderDefault ? ' (its default size)' : ''}
          </span>
        )}
      </header>
      <div className="budget">{budget ? <BudgetBody budget={budget} /> : <p className="hint">The budget could not be computed.</p>}</div>
    </section>
  );
}

function BudgetBody({ budget }: { budget: Budget }) {
  const { vm, totals, nodes, pending, jetstream, problems } = budget;
  const warnings = problems.filter((p) => p.severity !== 'info').length;
  const usable = formatMi(vm.memoryUsableBytes);
  return (
    <>
      {pending.length > 0 ? (
        <div className="pending" role="group" aria-label="Pending pods">
          <div className="pending__title">
            <Icon name="error" size={14} /> {pending.length} pod{pending.length === 1 ? '' : 's'} would stay Pending
          </div>
          <ul>
            {groupPending(pending).map((g) => (
              <li key={`${g.explanation}\n${g.reason}`}>
                <PendingReason group={g} />
              </li>
            ))}
          </ul>
        </div>
      ) : warnings > 0 ? (
        // Scheduled is not the same as fitting: with warnings, pods get a node but the VM is over-committed.
        <p className="budget-headline budget-headline--warn">
          <Icon name="warning" size={14} />
          <span>
            Every pod gets a node (none would stay Pending), but {warnings} warning{warnings === 1 ? '' : 's'} below:{' '}
            <a href="#budget-checks" onClick={showChecks}>
              see the checks
            </a>
            .
          </span>
        </p>
      ) : (
        <p className="budget-headline budget-headline--ok">
          <Icon name="ok" size={14} /> Every pod fits: none would stay Pending.
        </p>
      )}

      <VmSize budget={budget} />

      <h3 className="budget__h">Whole VM</h3>
      <Bar label="CPU requests" value={totals.requests.cpuMillis} max={vm.cpuMillis} percent={totals.requestPercent.cpu} fmt={formatMillis} />
      <Bar label="CPU limits" value={totals.limits.cpuMillis} max={vm.cpuMillis} percent={totals.limitPercent.cpu} fmt={formatMillis} kind="limit" />
      <Bar
        label="Memory requests"
        value={totals.requests.memoryBytes}
        max={vm.memoryBytes}
        percent={totals.requestPercent.memory}
        fmt={formatMi}
        marker={vm.memoryUsableBytes}
        markerLabel={usableMemoryText(vm)}
      />
      <Bar
        label="Memory limits"
        value={totals.limits.memoryBytes}
        max={vm.memoryBytes}
        percent={totals.limitPercent.memory}
        fmt={formatMi}
        kind="limit"
        marker={vm.memoryUsableBytes}
        markerLabel={usableMemoryText(vm)}
      />
      <dl className="facts facts--usable">
        <dt>Usable by pods</dt>
        <dd>
          <strong>{usable}</strong> of {formatMi(vm.memoryBytes)}: what the VM's OS, each node's kubelet and containerd, and the control plane leave. The
          warnings below compare with this figure.
        </dd>
      </dl>
      <p className="budget__note">
        Requests: kind {formatMillis(totals.systemRequests.cpuMillis)} / {formatMi(totals.systemRequests.memoryBytes)}, NATS{' '}
        {formatMillis(totals.natsRequests.cpuMillis)} / {formatMi(totals.natsRequests.memoryBytes)}, other {formatMillis(totals.otherRequests.cpuMillis)} /{' '}
        {formatMi(totals.otherRequests.memoryBytes)}.
      </p>

      <BudgetLegend usable={usable} />

      {problems.length > 0 && <BudgetChecks problems={problems} />}

      <h3 className="budget__h">Nodes</h3>
      {nodes.map((n) => (
        <NodeBars key={n.name} node={n} />
      ))}

      <h3 className="budget__h">JetStream</h3>
      {jetstream.enabled ? (
        <dl className="facts">
          <dt>Servers</dt>
          <dd>{jetstream.servers}</dd>
          <dt>Memory store (Σ max_memory_store)</dt>
          <dd>{formatBytes(jetstream.memoryStoreBytes)}</dd>
          <dt>File store (Σ max_file_store)</dt>
          <dd>{formatBytes(jetstream.fileStoreBytes)}</dd>
          <dt>Volumes (Σ PVC size)</dt>
          <dd>{formatBytes(jetstream.volumeBytes)}</dd>
          <dt>Disk needed / VM disk</dt>
          <dd className={jetstream.diskNeededBytes > vm.diskBytes ? 'is-over' : undefined}>
            {formatBytes(jetstream.diskNeededBytes)} / {formatBytes(vm.diskBytes)}
          </dd>
        </dl>
      ) : (
        <p className="hint">JetStream is off.</p>
      )}
    </>
  );
}

/** One reason and its pods: the first few named, the rest folded away below the reason (closed, they cost the page nothing). */
function PendingReason({ group: { explanation, reason, pods } }: { group: PendingGroup }) {
  const rest = pods.slice(PODS_SHOWN);
  return (
    <>
      {explanation}: {pods.length === 1 ? '' : `${pods.length} pods, `}
      {pods.slice(0, PODS_SHOWN).map((pod, i) => (
        <span key={pod}>
          {i > 0 && ', '}
          <code className="pending__pod">{pod}</code>
        </span>
      ))}
      <div className="pending__reason">{reason}</div>
      {rest.length > 0 && (
        <details className="pending__more">
          <summary>and {rest.length} more</summary>
          <code className="pending__rest">{rest.join(', ')}</code>
        </details>
      )}
    </>
  );
}

/**
 * What the VM's size means for the design: too small (a click sizes it, by the budget's own rules), and, for a size
 * that is not the provider's default, how to give the real VM that size, since the budget only assumes it.
 */
function VmSize({ budget }: { budget: Budget }) {
  const run = useRunCommand();
  const { vm } = budget;
  const preset = PROVIDERS[vm.provider];
  const tooSmall = budget.problems.some(isSizeProblem);
  const size = `${vm.cpuMillis / 1000} CPUs, ${formatBytes(vm.memoryBytes)}`;
  return (
    <div className="vm-size" role="group" aria-label="VM size">
      {tooSmall && (
        <p className="vm-size__small">
          <Icon name="warning" size={14} />
          <span>
            {vm.atProviderDefault ? `${preset.label}'s default size (${size})` : `A VM of ${size}`} leaves {usableMemoryText(vm)}: too small for this design, so
            pods stay Pending or the VM over-commits.
          </span>
        </p>
      )}
      {tooSmall && (
        <button type="button" className="btn btn--small" onClick={() => run('kind.fit')}>
          Size the VM for this design
        </button>
      )}
      {!vm.atProviderDefault && (
        <p className="vm-size__how">
          The budget assumes your VM has {size}. To give {preset.label} that size:{' '}
          <code>{preset.resizeTo(vm.cpuMillis / 1000, Math.ceil(vm.memoryBytes / MiB))}</code>
        </p>
      )}
    </div>
  );
}

/** Scrolls the panel to its checks; the page's fragment is the share link's, so the link never sets it. */
function showChecks(e: { preventDefault(): void }): void {
  e.preventDefault();
  document.getElementById('budget-checks')?.scrollIntoView({ block: 'start' });
}

/** What the bars' parts mean, for someone new to Kubernetes resources. */
function BudgetLegend({ usable }: { usable: string }) {
  return (
    <details className="budget-legend" open>
      <summary>How to read the bars</summary>
      <ul>
        <li>
          <span className="legend-swatch legend-swatch--request" aria-hidden="true" /> <strong>Requests</strong> (solid): what the scheduler reserves for a pod.
          A pod whose requests fit nowhere stays Pending.
        </li>
        <li>
          <span className="legend-swatch legend-swatch--limit" aria-hidden="true" /> <strong>Limits</strong> (striped): the most a pod may use before it is
          throttled (CPU) or OOM-killed (memory). kind lets limits add up past the VM.
        </li>
        <li>
          <span className="legend-swatch legend-swatch--marker" aria-hidden="true" /> <strong>Marker</strong>: the memory usable by pods, {usable}.
        </li>
        <li>
          Colours: blue below 85%, <span className="legend-text--high">amber</span> from 85%, <span className="legend-text--over">red</span> over 100% of the VM
          (or node).
        </li>
      </ul>
    </details>
  );
}

/** The budget's own problems, each with its code's readable name; "see D1" in a message links to D1's item. */
function BudgetChecks({ problems }: { problems: Problem[] }) {
  const firstOf = new Map<string, number>();
  problems.forEach((p, i) => firstOf.has(p.code) || firstOf.set(p.code, i));
  const goTo = (code: ProblemCode) => {
    const item = document.getElementById(`budget-check-${code}`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  };
  const text = (message: string) =>
    splitCodeRefs(message).map((part, i) =>
      'ref' in part ? (
        firstOf.has(part.ref) ? (
          <a key={i} href={`#budget-check-${part.ref}`} title={codeName(part.ref)} onClick={(e) => (e.preventDefault(), goTo(part.ref))}>
            {part.ref}
          </a>
        ) : (
          <abbr key={i} title={codeName(part.ref)}>
            {part.ref}
          </abbr>
        )
      ) : (
        part.text
      ),
    );
  return (
    <>
      <h3 className="budget__h" id="budget-checks">
        Checks
      </h3>
      <ul className="budget-checks" aria-label="Budget checks">
        {problems.map((p, i) => (
          <li
            key={`${p.code}-${i}`}
            className={`budget-check budget-check--${p.severity}`}
            id={firstOf.get(p.code) === i ? `budget-check-${p.code}` : undefined}
            tabIndex={firstOf.get(p.code) === i ? -1 : undefined}
          >
            <div className="budget-check__head">
              <Icon name={p.severity === 'info' ? 'info' : p.severity} size={13} />
              <code className="budget-check__code">{p.code}</code>
              <span className="budget-check__name" title={codeInfo(p.code).help}>
                {codeName(p.code)}
              </span>
            </div>
            <p className="budget-check__message">{text(p.message)}</p>
            {p.fix && <p className="budget-check__fix">{text(p.fix)}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

function NodeBars({ node }: { node: BudgetNode }) {
  return (
    <div className="node-budget">
      <div className="node-budget__head">
        <span className="node-budget__name">{node.name}</span>
        <span className="muted">
          {node.role === 'control-plane' ? 'control plane' : 'worker'}
          {!node.schedulable && ' · tainted'} · {node.pods}/{node.maxPods} pods
        </span>
      </div>
      <Bar label="CPU req" value={node.requests.cpuMillis} max={node.allocatable.cpuMillis} percent={node.requestPercent.cpu} fmt={formatMillis} compact />
      <Bar
        label="CPU lim"
        value={node.limits.cpuMillis}
        max={node.allocatable.cpuMillis}
        percent={node.limitPercent.cpu}
        fmt={formatMillis}
        kind="limit"
        compact
      />
      <Bar label="Mem req" value={node.requests.memoryBytes} max={node.allocatable.memoryBytes} percent={node.requestPercent.memory} fmt={formatMi} compact />
      <Bar
        label="Mem lim"
        value={node.limits.memoryBytes}
        max={node.allocatable.memoryBytes}
        percent={node.limitPercent.memory}
        fmt={formatMi}
        kind="limit"
        compact
      />
      {node.natsPods.length > 0 && <div className="node-budget__pods">NATS: {node.natsPods.join(', ')}</div>}
    </div>
  );
}

interface BarProps {
  label: string;
  value: number;
  max: number;
  /** budget()'s percentage, shown as is. */
  percent: number;
  fmt: (n: number) => string;
  kind?: 'request' | 'limit';
  marker?: number;
  markerLabel?: string;
  compact?: boolean;
}

function Bar({ label, value, max, percent, fmt, kind = 'request', marker, markerLabel, compact }: BarProps) {
  const level = percent > 100 ? 'over' : percent >= 85 ? 'high' : 'ok';
  const width = Math.min(100, Math.max(0, percent));
  return (
    <div className={`bar bar--${kind} bar--${level}${compact ? ' bar--compact' : ''}`}>
      <div className="bar__label">
        <span>{label}</span>
        <span className="bar__numbers">
          {fmt(value)} / {fmt(max)} · <strong>{percent}%</strong>
        </span>
      </div>
      {/* The numbers above say it all; the track is decoration (and an aria-label here would shadow form labels). */}
      <div className="bar__track" aria-hidden="true">
        <div className="bar__fill" style={{ width: `${width}%` }} />
        {marker !== undefined && max > 0 && <div className="bar__marker" style={{ left: `${Math.min(100, (marker / max) * 100)}%` }} title={markerLabel} />}
      </div>
    </div>
  );
}
