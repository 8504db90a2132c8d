/** Commands that change the design: clusters, links, accounts, other workloads, templates. */
import { FIT_LIMITS, PROVIDERS, templateById, vmSizeFor, type Position } from '../../core';
import { linksBetween } from '../edits/ids';
import { NODE_HEIGHT, NODE_WIDTH } from '../edits/layout';
import { addCluster, addLinkedCluster, connect, moveClusters, removeElements, setLeafHub, type ClusterPreset } from '../edits/topology-edits';
import { replace, step } from '../store/design';
import { BRING_BACK, family, NOTHING } from './command';

export const DESIGN_COMMANDS = family({
  'cluster.add': {
    label: 'Add cluster',
    group: 'Design',
    shortcuts: ['n'],
    run({ state, view }, args?: { position?: Position; preset?: ClusterPreset }) {
      const centre = view?.centre() ?? { x: 0, y: 0 };
      const at = args?.position ?? { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
      const { topology, id } = addCluster(state.design.topology, at, args?.preset);
      return { design: step(topology), session: { selection: { clusters: [id], gateways: [] } }, reveal: [id] };
    },
  },
  'cluster.addLinked': {
    label: 'Add a cluster linked to another',
    group: 'Design',
    // `from` is a canvas id; `position` the new cluster's top-left corner. One undo step for both.
    run({ state }, { from, position }: { from: string; position: Position }) {
      const made = addLinkedCluster(state.design.topology, from, position);
      if (!made) return NOTHING;
      return { design: step(made.topology), session: { selection: { clusters: [made.id], gateways: [] } }, reveal: [made.id] };
    },
  },
  'cluster.move': {
    label: 'Move clusters',
    group: 'Design',
    run({ state }, { positions }: { positions: ReadonlyMap<string, Position> }) {
      return { design: step(moveClusters(state.design.topology, positions)) };
    },
  },
  'gateway.connect': {
    label: 'Link clusters with a gateway',
    group: 'Design',
    // `a` and `b` are cluster names, as links write them.
    run({ state }, { a, b }: { a: string; b: string }) {
      const t = state.design.topology;
      if (a === b) return { session: { notice: { text: 'A cluster cannot have a gateway to itself.', tone: 'info' } } };
      const next = connect(t, a, b);
      if (next === t) return { session: { notice: { text: `${a} and ${b} are already linked.`, tone: 'info' } } };
      return { design: step(next) };
    },
  },
  'gateway.disconnect': {
    label: 'Remove the gateway between two clusters',
    group: 'Design',
    run({ state }, { a, b }: { a: string; b: string }) {
      const t = state.design.topology;
      return { design: step(removeElements(t, [], linksBetween(t, a, b))) };
    },
  },
  'leaf.setHub': {
    label: 'Make a cluster a leaf of another (or no leaf)',
    group: 'Design',
    // `leaf` and `hub` are cluster names, as leafnode links write them; an empty hub removes the link.
    run({ state }, { leaf, hub }: { leaf: string; hub: string }) {
      const t = state.design.topology;
      if (leaf === hub) return { session: { notice: { text: 'A cluster cannot be its own leaf.', tone: 'info' } } };
      const next = setLeafHub(t, leaf, hub || null);
      return next === t ? {} : { design: step(next) };
    },
  },
  'account.add': {
    label: 'Add an account',
    group: 'Design',
    run({ state }) {
      const t = state.design.topology;
      const taken = new Set(t.accounts.map((a) => a.name));
      let n = t.accounts.length + 1;
      while (taken.has(`APP${n}`)) n++;
      return { design: step({ ...t, accounts: [...t.accounts, { name: `APP${n}`, jetstream: t.jetstream.enabled, users: [`app${n}`] }] }) };
    },
  },
  'account.remove': {
    label: 'Remove an account',
    group: 'Design',
    // Drafts are keyed by list index: the ones after the removed account would land on the wrong one.
    run({ state }, { index }: { index: number }) {
      const t = state.design.topology;
      if (index < 0 || index >= t.accounts.length) return NOTHING;
      return { design: step({ ...t, accounts: t.accounts.filter((_, i) => i !== index) }), session: { drafts: {} } };
    },
  },
  'workload.add': {
    label: 'Add another workload',
    group: 'Design',
    run({ state }) {
      const t = state.design.topology;
      const taken = new Set(t.kind.otherWorkloads.map((w) => w.name));
      let n = t.kind.otherWorkloads.length + 1;
      while (taken.has(`app-${n}`)) n++;
      const workload = { name: `app-${n}`, replicas: 1, requests: { cpu: '100m', memory: '128Mi' }, limits: {} };
      return { design: step({ ...t, kind: { ...t.kind, otherWorkloads: [...t.kind.otherWorkloads, workload] } }) };
    },
  },
  'workload.remove': {
    label: 'Remove another workload',
    group: 'Design',
    run({ state }, { index }: { index: number }) {
      const t = state.design.topology;
      if (index < 0 || index >= t.kind.otherWorkloads.length) return NOTHING;
      return {
        design: step({ ...t, kind: { ...t.kind, otherWorkloads: t.kind.otherWorkloads.filter((_, i) => i !== index) } }),
        session: { drafts: {} },
      };
    },
  },
  'template.apply': {
    label: 'Start from a template',
    group: 'Design',
    run({ state }, { id }: { id: string }) {
      const template = templateById(id);
      if (!template) return NOTHING;
      const hadDesign = state.design.topology.clusters.length > 0;
      return {
        design: replace(template.topology()),
        session: { notice: { text: `Loaded “${template.title}”.`, tone: 'info', action: hadDesign ? BRING_BACK : undefined } },
        fit: 'all',
      };
    },
  },
  'kind.fit': {
    label: 'Size the VM for this design',
    group: 'Design',
    // The budget's own rules decide the size (vmSizeFor), so the warnings it clears are exactly the budget's.
    run({ state }) {
      const t = state.design.topology;
      const size = vmSizeFor(t);
      if (!size) {
        const text = `No VM up to ${FIT_LIMITS.cpus} CPUs and ${FIT_LIMITS.memoryGiB} GiB clears the budget's CPU and memory warnings: lower the requests, limits or memory stores instead.`;
        return { session: { notice: { text, tone: 'error' } } };
      }
      if (size.cpus === t.kind.cpus && size.memory === t.kind.memory)
        return { session: { notice: { text: 'The VM already fits this design.', tone: 'info' } } };
      const label = PROVIDERS[t.kind.provider].label;
      return {
        design: step({ ...t, kind: { ...t.kind, cpus: size.cpus, memory: size.memory } }),
        session: {
          notice: {
            text: `The budget now assumes ${label} with ${size.cpus} CPUs and ${size.memory}: give your VM that size (the Budget panel says how).`,
            tone: 'info',
          },
        },
      };
    },
  },
});
