/**
 * Every user operation, once: `{id, label, shortcuts, run}`. The toolbar, the keyboard, the canvas, the
 * inspector, the problems panel and the tests all go through here.
 */
import { decodeShareFragment, parseTopology, serializeTopology, templateById, type Position, type Problem, type Topology } from '../../core';
import { applyFieldEdit, fieldKey, type FieldRef } from '../edits/field-edit';
import { clusterIdOf, clusterIds, gatewayIds } from '../edits/ids';
import { autoTidyMode, GRID, NODE_HEIGHT, NODE_WIDTH, type TidyMode } from '../edits/layout';
import {
  addCluster,
  addLinkedCluster,
  connect,
  copyClusters,
  moveClusters,
  pasteClip,
  removeElements,
  tidy,
  type Clip,
  type ClusterPreset,
} from '../edits/topology-edits';
import {
  commit,
  EMPTY_SELECTION,
  emptyTopology,
  notify,
  redo,
  replaceDesign,
  requestFocus,
  select,
  undo,
  type DesignerState,
  type DesignerStore,
} from '../store/store';
import { saveFile } from '../io/save-file';
import { isShareHash } from '../io/share';
import { matchesShortcut, type KeyLike } from './keys';

/** What the canvas lends to commands that move the view. Absent in tests without a canvas. */
export interface ViewApi {
  /** Fits the view to these clusters (all when omitted), animated. */
  fitView(clusterIds?: string[]): void;
  /** The visible centre in flow coordinates. */
  centre(): Position;
  /** Brings these clusters into view (zooming out to everything) when any of them is off screen. */
  reveal(clusterIds: string[]): void;
}

export interface CommandContext {
  store: DesignerStore;
  view: ViewApi | null;
}

/** Arguments of the commands that take any. */
export interface CommandArgs {
  'cluster.add': { position?: Position; preset?: ClusterPreset } | undefined;
  'cluster.addLinked': { from: string; position: Position };
  'cluster.move': { positions: ReadonlyMap<string, Position> };
  'gateway.connect': { a: string; b: string };
  'gateway.disconnect': { a: string; b: string };
  'field.set': { ref: FieldRef; raw: string | boolean };
  'template.apply': { id: string };
  'account.remove': { index: number };
  'workload.remove': { index: number };
  'problem.reveal': { problem: Problem };
  'topology.import': { text: string; source: string };
  'topology.text': { text: string; burst: number };
  'link.open': { hash: string };
}

export type CommandId =
  | 'cluster.add'
  | 'cluster.addLinked'
  | 'cluster.move'
  | 'gateway.connect'
  | 'gateway.disconnect'
  | 'selection.delete'
  | 'selection.duplicate'
  | 'selection.copy'
  | 'selection.paste'
  | 'selection.all'
  | 'selection.clear'
  | 'history.undo'
  | 'history.redo'
  | 'layout.tidy'
  | 'layout.circle'
  | 'layout.grid'
  | 'view.fit'
  | 'help.shortcuts'
  | 'field.set'
  | 'template.apply'
  | 'account.add'
  | 'account.remove'
  | 'workload.add'
  | 'workload.remove'
  | 'problem.reveal'
  | 'topology.import'
  | 'topology.export'
  | 'topology.text'
  | 'bundle.download'
  | 'share.link'
  | 'link.open'
  | 'link.accept'
  | 'link.dismiss';

type ArgsOf<K extends CommandId> = K extends keyof CommandArgs ? CommandArgs[K] : undefined;

export interface Command<K extends CommandId = CommandId> {
  id: K;
  label: string;
  /** Shown in the shortcuts dialog, grouped. */
  group: 'Design' | 'Edit' | 'View' | 'Files' | 'Help';
  shortcuts?: string[];
  /** When false, buttons are disabled and shortcuts do nothing. */
  enabled?: (s: DesignerState) => boolean;
  run: (ctx: CommandContext, args: ArgsOf<K>) => void;
}

type Registry = { [K in CommandId]: Command<K> };

const hasSelection = (s: DesignerState) => s.selection.clusters.length > 0 || s.selection.gateways.length > 0;

export const COMMANDS: Registry = {
  'cluster.add': {
    id: 'cluster.add',
    label: 'Add cluster',
    group: 'Design',
    shortcuts: ['n'],
    run({ store, view }, args) {
      const centre = view?.centre() ?? { x: 0, y: 0 };
      const at = args?.position ?? { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
      const { topology, id } = addCluster(store.getState().topology, at, args?.preset);
      commit(store, topology, { selection: { clusters: [id], gateways: [] } });
      view?.reveal([id]);
    },
  },
  'cluster.addLinked': {
    id: 'cluster.addLinked',
    label: 'Add a cluster linked to another',
    group: 'Design',
    // `from` is a canvas id; `position` the new cluster's top-left corner. One undo step for both.
    run({ store, view }, { from, position }) {
      const made = addLinkedCluster(store.getState().topology, from, position);
      if (!made) return;
      commit(store, made.topology, { selection: { clusters: [made.id], gateways: [] } });
      view?.reveal([made.id]);
    },
  },
  'cluster.move': {
    id: 'cluster.move',
    label: 'Move clusters',
    group: 'Design',
    run({ store }, { positions }) {
      commit(store, moveClusters(store.getState().topology, positions));
    },
  },
  'gateway.connect': {
    id: 'gateway.connect',
    label: 'Link clusters with a gateway',
    group: 'Design',
    run({ store }, { a, b }) {
      const t = store.getState().topology;
      if (a === b) return notify(store, 'A cluster cannot have a gateway to itself.');
      const next = connect(t, a, b);
      if (next === t) return notify(store, `${a} and ${b} are already linked.`);
      commit(store, next);
    },
  },
  'gateway.disconnect': {
    id: 'gateway.disconnect',
    label: 'Remove the gateway between two clusters',
    group: 'Design',
    run({ store }, { a, b }) {
      const t = store.getState().topology;
      const ids = gatewayIds(t).filter((_, i) => {
        const [x, y] = t.gateways[i];
        return (x === a && y === b) || (x === b && y === a);
      });
      commit(store, removeElements(t, [], ids));
    },
  },
  'selection.delete': {
    id: 'selection.delete',
    label: 'Delete selection',
    group: 'Edit',
    shortcuts: ['delete', 'backspace'],
    enabled: hasSelection,
    run({ store }) {
      const { topology, selection } = store.getState();
      commit(store, removeElements(topology, selection.clusters, selection.gateways), { selection: EMPTY_SELECTION });
    },
  },
  'selection.duplicate': {
    id: 'selection.duplicate',
    label: 'Duplicate',
    group: 'Edit',
    shortcuts: ['mod+d'],
    enabled: (s) => s.selection.clusters.length > 0,
    run(ctx) {
      const { topology, selection } = ctx.store.getState();
      const clip = copyClusters(topology, selection.clusters);
      if (clip) pasteInto(ctx, clip);
    },
  },
  'selection.copy': {
    id: 'selection.copy',
    label: 'Copy',
    group: 'Edit',
    shortcuts: ['mod+c'],
    enabled: (s) => s.selection.clusters.length > 0,
    run({ store }) {
      const { topology, selection } = store.getState();
      const clip = copyClusters(topology, selection.clusters);
      if (clip) store.setState({ clipboard: clip });
    },
  },
  'selection.paste': {
    id: 'selection.paste',
    label: 'Paste',
    group: 'Edit',
    shortcuts: ['mod+v'],
    enabled: (s) => s.clipboard !== null,
    run(ctx) {
      const clip = ctx.store.getState().clipboard;
      if (clip) pasteInto(ctx, clip);
    },
  },
  'selection.all': {
    id: 'selection.all',
    label: 'Select all clusters',
    group: 'Edit',
    shortcuts: ['mod+a'],
    run({ store }) {
      select(store, { clusters: clusterIds(store.getState().topology), gateways: [] });
    },
  },
  'selection.clear': {
    id: 'selection.clear',
    label: 'Clear selection',
    group: 'Edit',
    shortcuts: ['escape'],
    run({ store }) {
      select(store, EMPTY_SELECTION);
    },
  },
  'history.undo': {
    id: 'history.undo',
    label: 'Undo',
    group: 'Edit',
    shortcuts: ['mod+z'],
    enabled: (s) => s.past.length > 0,
    run: ({ store }) => undo(store),
  },
  'history.redo': {
    id: 'history.redo',
    label: 'Redo',
    group: 'Edit',
    shortcuts: ['mod+shift+z', 'mod+y'],
    enabled: (s) => s.future.length > 0,
    run: ({ store }) => redo(store),
  },
  'layout.tidy': {
    id: 'layout.tidy',
    label: 'Tidy layout',
    group: 'View',
    shortcuts: ['t'],
    enabled: (s) => s.topology.clusters.length > 1,
    run: (ctx) => runTidy(ctx, autoTidyMode(ctx.store.getState().topology)),
  },
  'layout.circle': {
    id: 'layout.circle',
    label: 'Tidy as a circle',
    group: 'View',
    shortcuts: ['shift+o'],
    enabled: (s) => s.topology.clusters.length > 1,
    run: (ctx) => runTidy(ctx, 'circle'),
  },
  'layout.grid': {
    id: 'layout.grid',
    label: 'Tidy as a grid',
    group: 'View',
    shortcuts: ['shift+g'],
    enabled: (s) => s.topology.clusters.length > 1,
    run: (ctx) => runTidy(ctx, 'grid'),
  },
  'view.fit': {
    id: 'view.fit',
    label: 'Fit view',
    group: 'View',
    shortcuts: ['shift+1'],
    run: ({ view }) => view?.fitView(),
  },
  'help.shortcuts': {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    shortcuts: ['?'],
    run: ({ store }) => store.setState({ dialog: 'shortcuts' }),
  },
  'field.set': {
    id: 'field.set',
    label: 'Edit a field',
    group: 'Edit',
    run({ store }, { ref, raw }) {
      const s = store.getState();
      const key = fieldKey(ref);
      const result = applyFieldEdit(s.topology, ref, raw);
      if (!result.ok) {
        store.setState({ drafts: { ...s.drafts, [key]: { raw: String(raw), message: result.message } } });
        return;
      }
      if (key in s.drafts) {
        const drafts = { ...s.drafts };
        delete drafts[key];
        store.setState({ drafts });
      }
      // Typing in one field is one undo step; a rename keeps the cluster's id, so its key too.
      commit(store, result.topology, { coalesce: typeof raw === 'string' ? key : undefined });
    },
  },
  'account.add': {
    id: 'account.add',
    label: 'Add an account',
    group: 'Design',
    run({ store }) {
      const t = store.getState().topology;
      const taken = new Set(t.accounts.map((a) => a.name));
      let n = t.accounts.length + 1;
      while (taken.has(`APP${n}`)) n++;
      commit(store, { ...t, accounts: [...t.accounts, { name: `APP${n}`, jetstream: t.jetstream.enabled, users: [`app${n}`] }] });
    },
  },
  'account.remove': {
    id: 'account.remove',
    label: 'Remove an account',
    group: 'Design',
    run({ store }, { index }) {
      const t = store.getState().topology;
      if (index < 0 || index >= t.accounts.length) return;
      commit(store, { ...t, accounts: t.accounts.filter((_, i) => i !== index) });
      store.setState({ drafts: {} });
    },
  },
  'workload.add': {
    id: 'workload.add',
    label: 'Add another workload',
    group: 'Design',
    run({ store }) {
      const t = store.getState().topology;
      const taken = new Set(t.kind.otherWorkloads.map((w) => w.name));
      let n = t.kind.otherWorkloads.length + 1;
      while (taken.has(`app-${n}`)) n++;
      const workload = { name: `app-${n}`, replicas: 1, requests: { cpu: '100m', memory: '128Mi' }, limits: {} };
      commit(store, { ...t, kind: { ...t.kind, otherWorkloads: [...t.kind.otherWorkloads, workload] } });
    },
  },
  'workload.remove': {
    id: 'workload.remove',
    label: 'Remove another workload',
    group: 'Design',
    run({ store }, { index }) {
      const t = store.getState().topology;
      if (index < 0 || index >= t.kind.otherWorkloads.length) return;
      commit(store, { ...t, kind: { ...t.kind, otherWorkloads: t.kind.otherWorkloads.filter((_, i) => i !== index) } });
      store.setState({ drafts: {} });
    },
  },
  'template.apply': {
    id: 'template.apply',
    label: 'Start from a template',
    group: 'Design',
    run({ store, view }, { id }) {
      const template = templateById(id);
      if (!template) return;
      const hadDesign = store.getState().topology.clusters.length > 0;
      replaceDesign(store, template.topology());
      notify(store, `Loaded “${template.title}”.`, 'info', hadDesign ? { label: 'Bring back the previous design', command: 'history.undo' } : undefined);
      view?.fitView();
    },
  },
  'problem.reveal': {
    id: 'problem.reveal',
    label: 'Show a problem',
    group: 'View',
    run({ store, view }, { problem }) {
      const t = problem.target;
      const topology = store.getState().topology;
      switch (t.kind) {
        case 'cluster': {
          const id = clusterIdOf(topology, t.cluster) ?? t.cluster;
          select(store, { clusters: [id], gateways: [] });
          view?.fitView([id]);
          requestFocus(store, { scope: 'cluster', id, field: t.field });
          return;
        }
        case 'gateway': {
          const [a, b] = t.clusters;
          const ids = gatewayIds(topology);
          const gw = ids.find((_, i) => {
            const [x, y] = topology.gateways[i];
            return (x === a && y === b) || (x === b && y === a);
          });
          // Links name their clusters; the canvas knows them by id.
          const ends = [a, b].map((n) => clusterIdOf(topology, n)).filter((id): id is string => id !== undefined);
          select(store, { clusters: gw ? [] : ends, gateways: gw ? [gw] : [] });
          view?.fitView(ends);
          requestFocus(store, { scope: 'gateway' });
          return;
        }
        case 'account': {
          select(store, EMPTY_SELECTION);
          const i = topology.accounts.findIndex((a) => a.name === t.account);
          requestFocus(store, { scope: 'account', id: i < 0 ? undefined : i, field: t.field });
          return;
        }
        case 'topology':
        case 'kind': {
          select(store, EMPTY_SELECTION);
          const field = t.field;
          if (t.kind === 'topology' && field?.startsWith('defaults.')) {
            requestFocus(store, { scope: 'defaults', field: field.slice('defaults.'.length) });
          } else requestFocus(store, { scope: t.kind, field });
          return;
        }
      }
    },
  },
  'topology.import': {
    id: 'topology.import',
    label: 'Import a topology',
    group: 'Files',
    run({ store, view }, { text, source }) {
      const parsed = parseTopology(text);
      if (!parsed.ok) {
        store.setState({ importFailure: { source, errors: parsed.errors } });
        return;
      }
      const hadDesign = hasWork(store.getState().topology);
      replaceDesign(store, parsed.topology);
      store.setState({ importFailure: null });
      notify(store, `Imported ${source}.`, 'info', hadDesign ? BRING_BACK : undefined);
      view?.fitView();
    },
  },
  'topology.export': {
    id: 'topology.export',
    label: 'Export topology',
    group: 'Files',
    run({ store }) {
      saveFile(serializeTopology(store.getState().topology), 'topology.yaml', 'application/yaml');
    },
  },
  'topology.text': {
    id: 'topology.text',
    label: 'Edit the topology as text',
    group: 'Edit',
    run({ store }, { text, burst }) {
      const s = store.getState();
      const parsed = parseTopology(text);
      if (!parsed.ok) {
        store.setState({ textDraft: { text, errors: parsed.errors, base: s.topology } });
        return;
      }
      if (s.textDraft) store.setState({ textDraft: null });
      // Comments, spacing or key order: the same design, so no undo step.
      if (sameDesign(parsed.topology, s.topology)) return;
      commit(store, parsed.topology, { coalesce: `topology.text:${burst}` });
    },
  },
  'bundle.download': {
    id: 'bundle.download',
    label: 'Download bundle',
    group: 'Files',
    run: ({ store }) => store.setState({ dialog: 'download' }),
  },
  'share.link': {
    id: 'share.link',
    label: 'Share link',
    group: 'Files',
    run: ({ store }) => store.setState({ dialog: 'share' }),
  },
  'link.open': {
    id: 'link.open',
    label: 'Open a share link',
    group: 'Files',
    run({ store, view }, { hash }) {
      if (!isShareHash(hash)) return;
      const decoded = decodeShareFragment(hash);
      if (!decoded.ok) {
        // Nothing changes, so nothing is written over the autosave.
        store.setState({ incoming: { kind: 'error', message: decoded.error.message } });
        return;
      }
      const current = store.getState().topology;
      if (sameDesign(decoded.topology, current)) {
        store.setState({ incoming: null });
        return;
      }
      if (hasWork(current)) {
        store.setState({ incoming: { kind: 'ask', topology: decoded.topology }, dialog: 'shared-link' });
        return;
      }
      replaceDesign(store, decoded.topology);
      store.setState({ incoming: null });
      notify(store, `Opened the shared design “${decoded.topology.name}”.`);
      view?.fitView();
    },
  },
  'link.accept': {
    id: 'link.accept',
    label: 'Open shared',
    group: 'Files',
    enabled: (s) => s.incoming?.kind === 'ask',
    run({ store, view }) {
      const incoming = store.getState().incoming;
      if (incoming?.kind !== 'ask') return;
      replaceDesign(store, incoming.topology);
      store.setState({ incoming: null, dialog: null });
      notify(store, `Opened the shared design “${incoming.topology.name}”.`, 'info', BRING_BACK);
      view?.fitView();
    },
  },
  'link.dismiss': {
    id: 'link.dismiss',
    label: 'Keep mine',
    group: 'Files',
    run({ store }) {
      const s = store.getState();
      store.setState({ incoming: null, dialog: s.dialog === 'shared-link' ? null : s.dialog });
    },
  },
};

const BRING_BACK: NonNullable<DesignerState['notice']>['action'] = { label: 'Bring back the previous design', command: 'history.undo' };

const textCache = new WeakMap<Topology, string>();

function canonical(t: Topology): string {
  let text = textCache.get(t);
  if (text === undefined) {
    text = serializeTopology(t);
    textCache.set(t, text);
  }
  return text;
}

/** The same design, whatever object holds it: compared as the canonical topology.yaml text. */
export function sameDesign(a: Topology, b: Topology): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** Whether the design holds anything the user would lose: anything but the empty new design. */
export function hasWork(t: Topology): boolean {
  return t.clusters.length > 0 || !sameDesign(t, emptyDesign());
}

let empty: Topology | null = null;
function emptyDesign(): Topology {
  return (empty ??= emptyTopology());
}

function pasteInto({ store, view }: CommandContext, clip: Clip): void {
  const t = store.getState().topology;
  // Offset past anything already sitting there, so repeated pastes cascade instead of stacking.
  let k = 1;
  const first = clip.clusters[0].position;
  while (k < 50 && t.clusters.some((c) => c.position.x === first.x + k * GRID * 2 && c.position.y === first.y + k * GRID * 2)) k++;
  const { topology, ids } = pasteClip(t, clip, { x: k * GRID * 2, y: k * GRID * 2 });
  commit(store, topology, { selection: { clusters: ids, gateways: [] } });
  view?.reveal(ids);
}

function runTidy(ctx: CommandContext, mode: TidyMode): void {
  const { store, view } = ctx;
  commit(store, tidy(store.getState().topology, mode));
  view?.fitView();
}

/** Runs a command if it is enabled. Returns whether it ran. */
export function runCommand<K extends CommandId>(ctx: CommandContext, id: K, ...args: undefined extends ArgsOf<K> ? [ArgsOf<K>?] : [ArgsOf<K>]): boolean {
  const cmd = COMMANDS[id] as Command<K>;
  if (cmd.enabled && !cmd.enabled(ctx.store.getState())) return false;
  cmd.run(ctx, args[0] as ArgsOf<K>);
  return true;
}

/** The command a key press means, if any. */
export function commandForKey(e: KeyLike): Command | undefined {
  return (Object.values(COMMANDS) as Command[]).find((c) => c.shortcuts?.some((s) => matchesShortcut(s, e)));
}

/** Runs a command from the keyboard (shortcut commands take no arguments). Returns whether it ran. */
export function runShortcut(ctx: CommandContext, cmd: Command): boolean {
  if (cmd.enabled && !cmd.enabled(ctx.store.getState())) return false;
  (cmd.run as (ctx: CommandContext, args: undefined) => void)(ctx, undefined);
  return true;
}
