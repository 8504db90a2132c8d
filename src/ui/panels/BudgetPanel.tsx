import { formatBytes, formatMi, formatMillis, PROVIDERS, type Budget, type BudgetNode } from '../../core';
import { Icon } from '../shell/icons';
import { useDerived } from '../shell/use-derived';

/**
 * The kind budget as bars: the whole VM and each node, CPU and memory, requests and limits. Every number is
 * `budget()`'s own (percentages included); this panel only formats them.
 */
export function BudgetPanel() {
  const { budget } = useDerived();
  return (
    <section className="pane pane--budget" aria-label="Budget">
      <header className="pane__head">
        <h2 className="pane__title">Budget</h2>
        {budget && (
          <span className="pane__sub">
            {PROVIDERS[budget.vm.provider].label} · {budget.vm.cpuMillis / 1000} CPUs · {formatBytes(budget.vm.memoryBytes)}
          </span>
        )}
      </header>
      <div className="budget">{budget ? <BudgetBody budget={budget} /> : <p className="hint">The budget could not be computed.</p>}</div>
    </section>
  );
}

function BudgetBody({ budget }: { budget: Budget }) {
  const { vm, totals, nodes, pending, jetstream } = budget;
  return (
    <>
      {pending.length > 0 ? (
        <div className="pending" role="group" aria-label="Pending pods">
          <div className="pending__title">
            <Icon name="error" size={14} /> {pending.length} pod{pending.length === 1 ? '' : 's'} would stay Pending
          </div>
          <ul>
            {pending.map((p) => (
              <li key={p.pod}>
                <code>{p.pod}</code> <span className="muted">({p.workload})</span>: {p.explanation}
                <div className="pending__reason">{p.reason}</div>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="budget-ok">
          <Icon name="ok" size={14} /> Every pod fits: none would stay Pending.
        </p>
      )}

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
        markerLabel={`usable by pods: ${formatMi(vm.memoryUsableBytes)}`}
      />
      <Bar label="Memory limits" value={totals.limits.memoryBytes} max={vm.memoryBytes} percent={totals.limitPercent.memory} fmt={formatMi} kind="limit" />
      <p className="budget__note">
        Requests: kind {formatMillis(totals.systemRequests.cpuMillis)} / {formatMi(totals.systemRequests.memoryBytes)}, NATS{' '}
        {formatMillis(totals.natsRequests.cpuMillis)} / {formatMi(totals.natsRequests.memoryBytes)}, other {formatMillis(totals.otherRequests.cpuMillis)} /{' '}
        {formatMi(totals.otherRequests.memoryBytes)}. Memory usable by pods after the VM, kubelet and control plane: {formatMi(vm.memoryUsableBytes)}.
      </p>

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
      <Bar label="CPU lim" value={node.limits.cpuMillis} max={node.allocatable.cpuMillis} percent={node.limitPercent.cpu} fmt={formatMillis} kind="limit" compact />
      <Bar label="Mem req" value={node.requests.memoryBytes} max={node.allocatable.memoryBytes} percent={node.requestPercent.memory} fmt={formatMi} compact />
      <Bar label="Mem lim" value={node.limits.memoryBytes} max={node.allocatable.memoryBytes} percent={node.limitPercent.memory} fmt={formatMi} kind="limit" compact />
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
