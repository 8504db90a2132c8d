import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLUSTER_FIELDS, type FieldGroup, type FieldSpec, type Problem } from '../../core';
import { useDesigner } from '../shell/context';
import { Icon } from '../shell/icons';
import { isOverridden, readField, type FieldRef } from '../edits/field-edit';
import { clusterIndex } from '../edits/ids';
import { useDerived } from '../shell/use-derived';
import { useRunCommand } from '../shell/use-command';
import { CheckboxField, SelectField, TextField } from './Field';
import { LinkPicker } from './LinkPicker';
import { MiniProblems } from './MiniProblems';
import { useChosenOption } from './use-chosen-option';

/** The placeholder of a settings field: its default, or its example when the default is none. */
export function placeholderOf(f: FieldSpec): string {
  return f.default === undefined || f.default === null ? f.example : String(f.default);
}

/** The cluster settings of the field table, by the group the form shows them in. */
const inGroup = (group: FieldGroup) => CLUSTER_FIELDS.filter((f) => f.group === group);

/** Problems about one field of one cluster; `field` matches exactly or as a parent path. */
export function fieldProblems(problems: Problem[], match: (p: Problem) => boolean, field: string): Problem[] {
  return problems.filter((p) => {
    if (!match(p) || !('field' in p.target) || !p.target.field) return false;
    return p.target.field === field || field.startsWith(`${p.target.field}.`);
  });
}

/** Fields a cluster may override, in the order the form shows them. */
const OVERRIDABLE = CLUSTER_FIELDS.map((f) => f.path);

/**
 * The selected cluster's form. It subscribes to a few plain values (the cluster's name, which fields it overrides,
 * whether JetStream is on), not to the whole topology: typing in a field re-renders that field, not the form.
 */
export function ClusterForm({ id }: { id: string }) {
  const name = useDesigner((s) => s.design.topology.clusters[clusterIndex(s.design.topology, id)]?.name);
  const overrides = useDesigner((s) => OVERRIDABLE.filter((f) => isOverridden(s.design.topology, id, f)).join(' '));
  const jetstream = useDesigner((s) => s.design.topology.jetstream.enabled);
  const { problems } = useDerived();
  const run = useRunCommand();
  const mine = useMemo(() => problems.filter((p) => p.target.kind === 'cluster' && p.target.cluster === name), [problems, name]);
  if (name === undefined) return null;
  const overridden = new Set(overrides.split(' '));
  const match = (p: Problem) => p.target.kind === 'cluster' && p.target.cluster === name;
  const ref = (field: string): FieldRef => ({ scope: 'cluster', id, field });
  const field = (f: FieldSpec) =>
    f.kind === 'boolean' ? (
      <CheckboxField
        key={f.path}
        fref={ref(f.path)}
        label={f.label}
        problems={fieldProblems(problems, match, f.path)}
        aside={<OverrideControl id={id} field={f.path} />}
      />
    ) : (
      <TextField
        key={f.path}
        fref={ref(f.path)}
        label={f.label}
        placeholder={placeholderOf(f)}
        numeric={f.kind === 'integer'}
        problems={fieldProblems(problems, match, f.path)}
        inherited={!overridden.has(f.path)}
        aside={<OverrideControl id={id} field={f.path} />}
      />
    );
  return (
    <div className="form">
      <header className="inspector__head">
        <span className="inspector__kind">
          <Icon name="cluster" size={16} /> Cluster
        </span>
        <div className="inspector__actions">
          <button type="button" className="btn btn--ghost btn--small" onClick={() => run('selection.duplicate')} title="Duplicate (Ctrl/⌘+D)">
            Duplicate
          </button>
          <button type="button" className="btn btn--danger btn--small" onClick={() => run('selection.delete')} title="Delete (Del)">
            <Icon name="trash" size={14} /> Delete
          </button>
        </div>
      </header>

      <fieldset className="group">
        <legend>Identity</legend>
        <TextField
          fref={ref('name')}
          label="Name"
          wide
          problems={fieldProblems(problems, match, 'name')}
          hint="NATS cluster and gateway name; objects are nats-<name>."
        />
        <TextField fref={ref('region')} label="Region" placeholder="us-east-1" problems={fieldProblems(problems, match, 'region')} />
        <TextField fref={ref('zone')} label="Zone" placeholder="us-east-1a" problems={fieldProblems(problems, match, 'zone')} />
      </fieldset>

      <Placement id={id} problems={problems} match={match} />

      <fieldset className="group">
        <legend>Servers</legend>
        {inGroup('servers').map(field)}
      </fieldset>

      <fieldset className="group">
        <legend>Resources per server</legend>
        {inGroup('resources').map(field)}
      </fieldset>

      <fieldset className="group">
        <legend>JetStream per server</legend>
        {!jetstream && <p className="hint">JetStream is off for this topology; these sizes apply when it is on.</p>}
        {inGroup('jetstream').map(field)}
      </fieldset>

      <fieldset className="group">
        <legend>TLS</legend>
        <p className="hint">Certificates from the bundle&apos;s own CA (cert-manager; certs.sh locally). Routes and gateways verify their peer.</p>
        {inGroup('tls').map(field)}
      </fieldset>

      <Links name={name} />

      <LeafSection name={name} id={id} />

      <MiniProblems problems={mine} />
    </div>
  );
}

/** "default" when inherited, a Reset button when the cluster sets its own value. */
function OverrideControl({ id, field }: { id: string; field: string }) {
  const overridden = useDesigner((s) => isOverridden(s.design.topology, id, field));
  const inherited = useDesigner((s) => readField(s.design.topology, { scope: 'defaults', field }));
  const run = useRunCommand();
  if (!overridden) {
    return (
      <span className="chip" title="Inherited from the topology's cluster defaults; type to override">
        default
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button"
      title={`Use the topology default${inherited === '' ? '' : ` (${String(inherited)})`}`}
      onClick={() => run('field.set', { ref: { scope: 'cluster', id, field }, raw: '' })}
    >
      Reset
    </button>
  );
}

/** "Leaf of…": this cluster's hub (a leafnode link, drawn dashed towards the hub), and its own JetStream domain. */
function LeafSection({ name, id }: { name: string; id: string }) {
  const leafnodes = useDesigner((s) => s.design.topology.leafnodes);
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const jetstream = useDesigner((s) => s.design.topology.jetstream.enabled);
  const { problems } = useDerived();
  const run = useRunCommand();
  const selectId = useId();
  const hub = leafnodes?.find(([leaf]) => leaf === name)?.[1] ?? '';
  const choice = useChosenOption(hub, (next) => run('leaf.setHub', { leaf: name, hub: next }));
  const leaves = (leafnodes ?? []).filter(([, h]) => h === name).map(([leaf]) => leaf);
  const match = (p: Problem) => p.target.kind === 'cluster' && p.target.cluster === name;
  const linkProblems = fieldProblems(problems, match, 'leafnodes');
  return (
    <fieldset className="group">
      <legend>Leafnode</legend>
      <div className="field field--wide">
        <div className="field__top">
          <label htmlFor={selectId}>Leaf of</label>
        </div>
        <div className="link-picker">
          <select id={selectId} value={choice.value} onKeyDown={choice.onKeyDown} onChange={choice.onChange}>
            <option value="">no hub (not a leaf)</option>
            {names
              .filter((n) => n !== name)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
          <button type="button" className="btn btn--small" disabled={!choice.pending} onClick={choice.commitShown}>
            Set hub
          </button>
        </div>
        {linkProblems.map((p, i) => (
          <p key={i} className="field__msg field__msg--error" role="alert">
            {p.message}
          </p>
        ))}
        <p className="field__hint">
          {leaves.length > 0 ? `Hub of ${leaves.join(', ')}. ` : ''}A leaf's servers dial its hub's leafnode port (7422); it stays a system of its own.
        </p>
      </div>
      {jetstream && (
        <TextField
          fref={{ scope: 'cluster', id, field: 'domain' }}
          label="JetStream domain"
          placeholder="the topology's"
          wide
          problems={fieldProblems(problems, match, 'domain')}
          hint="A leaf's own domain; its clients reach the hub's JetStream by the hub's domain."
        />
      )}
    </fieldset>
  );
}

function Links({ name }: { name: string }) {
  // The links and the names: an edit of a cluster's settings changes neither.
  const gateways = useDesigner((s) => s.design.topology.gateways);
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const run = useRunCommand();
  const peers = gateways.filter(([a, b]) => a === name || b === name).map(([a, b]) => (a === name ? b : a));
  const linkedTo = new Set(peers);
  const candidates = names.filter((n) => n !== name && !linkedTo.has(n));
  return (
    <fieldset className="group">
      <legend>Gateways</legend>
      {peers.length === 0 && (
        <p className="hint">No gateway links. Drag from a handle onto another cluster (or onto blank canvas for a new one), or pick one below.</p>
      )}
      <ul className="links">
        {peers.map((peer) => (
          <li key={peer}>
            <Icon name="link" size={14} />
            <span>{peer}</span>
            <button type="button" className="link-button" onClick={() => run('gateway.disconnect', { a: name, b: peer })}>
              Unlink
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && <LinkPicker name={name} candidates={candidates} />}
    </fieldset>
  );
}

/** Which Kubernetes cluster it runs in, and how peers in other ones reach its gateway (`docs` in README: Placement). */
function Placement({ id, problems, match }: { id: string; problems: Problem[]; match: (p: Problem) => boolean }) {
  const ref = (field: string): FieldRef => ({ scope: 'cluster', id, field });
  const nodePort = useDesigner((s) => readField(s.design.topology, ref('gateway.service')) === 'NodePort');
  return (
    <fieldset className="group">
      <legend>Placement</legend>
      <TextField
        fref={ref('kubeContext')}
        label="Kube context"
        placeholder="current context"
        wide
        problems={fieldProblems(problems, match, 'kubeContext')}
        hint="The Kubernetes cluster it runs in; clusters in different ones reach each other through their gateway address."
      />
      <SelectField
        fref={ref('gateway.service')}
        label="Gateway Service"
        options={[
          { value: 'LoadBalancer', label: 'LoadBalancer' },
          { value: 'NodePort', label: 'NodePort' },
        ]}
      />
      <TextField
        fref={ref('gateway.address')}
        label="Gateway address"
        placeholder="none"
        problems={fieldProblems(problems, match, 'gateway.address')}
        hint="DNS name or IP that peers in other Kubernetes clusters dial; the gateway advertises it."
      />
      {nodePort && (
        <TextField
          fref={ref('gateway.nodePort')}
          label="Node port"
          numeric
          placeholder="30000-32767"
          problems={fieldProblems(problems, match, 'gateway.nodePort')}
        />
      )}
    </fieldset>
  );
}
