import { useState } from 'react';
import { CLUSTER_FIELDS, EXPORTER_IMAGE, KIND_PROVIDERS, PROVIDERS, type Problem } from '../../core';
import { useDesigner } from '../shell/context';
import { Icon } from '../shell/icons';
import type { FieldRef } from '../edits/field-edit';
import { useDerived } from '../shell/use-derived';
import { useRunCommand } from '../shell/use-command';
import { fieldProblems, placeholderOf } from './ClusterForm';
import { CheckboxField, SelectField, TextField } from './Field';

const PROVIDER_OPTIONS = KIND_PROVIDERS.map((p) => ({ value: p, label: PROVIDERS[p].label }));

const isTopology = (p: Problem) => p.target.kind === 'topology';
const isKind = (p: Problem) => p.target.kind === 'kind';

/** With nothing selected: the topology itself, its accounts, cluster defaults and the kind environment. */
export function TopologyForm() {
  const { problems } = useDerived();
  const t = (field: string): FieldRef => ({ scope: 'topology', field });
  const k = (field: string): FieldRef => ({ scope: 'kind', field });
  const jetstream = useDesigner((s) => s.design.topology.jetstream.enabled);
  return (
    <div className="form">
      <header className="inspector__head">
        <span className="inspector__kind">
          <Icon name="templates" size={16} /> Topology
        </span>
        <span className="hint">Select a cluster or link to edit it.</span>
      </header>
      <fieldset className="group">
        <legend>Topology</legend>
        <TextField fref={t('name')} label="Name" wide problems={fieldProblems(problems, isTopology, 'name')} hint="Names the bundle." />
        <TextField fref={t('namespace')} label="Namespace" wide problems={fieldProblems(problems, isTopology, 'namespace')} />
        <TextField
          fref={t('clusterDomain')}
          label="Cluster DNS domain"
          wide
          problems={fieldProblems(problems, isTopology, 'clusterDomain')}
          hint="Of the Kubernetes cluster: every route and gateway address ends in it."
        />
        <TextField fref={t('image')} label="Image" wide problems={fieldProblems(problems, isTopology, 'image')} />
        <CheckboxField fref={t('jetstream.enabled')} label="JetStream enabled" />
        {jetstream && (
          <TextField
            fref={t('jetstream.domain')}
            label="JetStream domain"
            placeholder="none"
            wide
            problems={fieldProblems(problems, isTopology, 'jetstream.domain')}
            hint="One domain for the whole supercluster, or none."
          />
        )}
      </fieldset>
      <fieldset className="group">
        <legend>In the bundle</legend>
        <CheckboxField
          fref={t('monitoring.exporter')}
          label="Prometheus exporter and PodMonitor"
          hint={`Adds ${EXPORTER_IMAGE} beside every server (port 7777) and a PodMonitor per cluster; applying needs prometheus-operator's CRDs.`}
        />
        <CheckboxField
          fref={t('natsBox')}
          label="nats-box"
          hint="A Deployment with the nats CLI, logged in as the system user from the Secret; the bundle README's checks run in it."
        />
      </fieldset>
      <fieldset className="group">
        <legend>Security</legend>
        <CheckboxField
          fref={t('security.serverAuth')}
          label="Route and gateway auth"
          hint="Servers of a cluster, and clusters, need a password from the Secret to connect."
        />
        <CheckboxField
          fref={t('security.networkPolicy')}
          label="NetworkPolicy per cluster"
          hint="Routes only from the cluster's own pods, gateways only from its peers."
        />
        <CheckboxField fref={t('security.restrictedPods')} label="Restricted pods" hint="Non-root, no capabilities, read-only root filesystem." />
      </fieldset>
      <Accounts />
      <Defaults />
      <KindSection k={k} />
    </div>
  );
}

function Accounts() {
  const accounts = useDesigner((s) => s.design.topology.accounts);
  const { problems } = useDerived();
  const run = useRunCommand();
  return (
    <fieldset className="group">
      <legend>Accounts and users</legend>
      {accounts.length === 0 && <p className="hint">No application accounts: clients use the default account without passwords.</p>}
      {accounts.map((a, i) => {
        const match = (p: Problem) => p.target.kind === 'account' && p.target.account === a.name;
        const ref = (field: string): FieldRef => ({ scope: 'account', id: i, field });
        return (
          <div className="subcard" key={i}>
            <TextField fref={ref('name')} label="Account name" wide problems={fieldProblems(problems, match, 'name')} />
            <CheckboxField fref={ref('jetstream')} label={`JetStream for ${a.name}`} />
            <TextField
              fref={ref('users')}
              label="Users"
              wide
              placeholder="alice, bob"
              problems={fieldProblems(problems, match, 'users')}
              hint="Passwords are generated into the bundle's Secret."
            />
            <button type="button" className="link-button" onClick={() => run('account.remove', { index: i })}>
              Remove account {a.name}
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn--small" data-field="topology::accounts" onClick={() => run('account.add')}>
        <Icon name="plus" size={14} /> Add account
      </button>
    </fieldset>
  );
}

/** Cluster defaults live behind a disclosure: they are set once and every cluster inherits them. */
function Defaults() {
  const [open, setOpen] = useState(false);
  const focusedHere = useDesigner((s) => s.session.focus?.scope === 'defaults');
  const { problems } = useDerived();
  const shown = open || focusedHere;
  const d = (field: string): FieldRef => ({ scope: 'defaults', field });
  const p = (field: string) => fieldProblems(problems, isTopology, `defaults.${field}`);
  return (
    <fieldset className="group">
      <legend>
        <button type="button" className="disclosure" aria-expanded={shown} onClick={() => setOpen(!shown)}>
          Cluster defaults
        </button>
      </legend>
      {shown ? (
        <>
          {CLUSTER_FIELDS.map((f) =>
            f.kind === 'boolean' ? (
              <CheckboxField key={f.path} fref={d(f.path)} label={f.defaultLabel} problems={p(f.path)} />
            ) : (
              <TextField
                key={f.path}
                fref={d(f.path)}
                label={f.defaultLabel}
                placeholder={placeholderOf(f)}
                numeric={f.kind === 'integer'}
                problems={p(f.path)}
              />
            ),
          )}
        </>
      ) : (
        <p className="hint">Replicas, resources, JetStream sizes and TLS every cluster inherits unless it sets its own.</p>
      )}
    </fieldset>
  );
}

function KindSection({ k }: { k: (field: string) => FieldRef }) {
  const { problems } = useDerived();
  const kind = useDesigner((s) => s.design.topology.kind);
  const run = useRunCommand();
  const preset = PROVIDERS[kind.provider];
  const p = (field: string) => fieldProblems(problems, isKind, field);
  return (
    <fieldset className="group">
      <legend>kind environment</legend>
      <SelectField
        wide
        fref={k('provider')}
        label="Provider"
        options={PROVIDER_OPTIONS}
        hint={
          <>
            {/* Says whether the fields below are the preset or the user's own sizes, never contradicting them. */}
            {kind.cpus === preset.cpus && kind.memory === preset.memory && kind.disk === preset.disk
              ? `The fields below are ${preset.label}'s default size${preset.documented ? ' (documented)' : ' (our estimate)'}. Choosing a provider applies its default.`
              : `The fields below are your VM's size; ${preset.label}'s default is ${preset.cpus} CPUs, ${preset.memory} memory, ${preset.disk} disk. Choosing a provider applies its default.`}
          </>
        }
      />
      <TextField fref={k('cpus')} label="CPUs" numeric problems={p('cpus')} />
      <TextField fref={k('memory')} label="Memory" placeholder={preset.memory} problems={p('memory')} />
      <TextField fref={k('disk')} label="Disk" placeholder={preset.disk} problems={p('disk')} />
      <TextField fref={k('workers')} label="Workers" numeric problems={p('workers')} hint="0: one node whose control plane also runs workloads." />
      <div className="subhead">Other workloads on this cluster</div>
      {kind.otherWorkloads.length === 0 && <p className="hint">None. Add what else runs on the VM so the budget counts it.</p>}
      {kind.otherWorkloads.map((w, i) => {
        const ref = (field: string): FieldRef => ({ scope: 'workload', id: i, field });
        return (
          <div className="subcard subcard--grid" key={i}>
            <TextField fref={ref('name')} label="Workload" />
            <TextField fref={ref('replicas')} label="Pods" numeric />
            <TextField fref={ref('requests.cpu')} label="Req. CPU" placeholder="none" />
            <TextField fref={ref('requests.memory')} label="Req. RAM" placeholder="none" />
            <TextField fref={ref('limits.cpu')} label="Lim. CPU" placeholder="none" />
            <TextField fref={ref('limits.memory')} label="Lim. RAM" placeholder="none" />
            <button type="button" className="link-button" onClick={() => run('workload.remove', { index: i })}>
              Remove {w.name}
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn--small" data-field="kind::otherWorkloads" onClick={() => run('workload.add')}>
        <Icon name="plus" size={14} /> Add workload
      </button>
    </fieldset>
  );
}
