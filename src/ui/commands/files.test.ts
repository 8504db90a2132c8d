import { describe, expect, it } from 'vitest';
import { encodeShareFragment, parseTopology, serializeTopology, templateById } from '../../core';
import { clusterIds } from '../edits/ids';
import { AUTOSAVE_KEY } from '../store/autosave';
import { hasWork, sameDesign } from '../edits/designs';
import { createDesignerStore, select, setImportFailure, undo, type DesignerStore } from '../store/store';
import { MemoryStorage } from '../testing/memory-storage';
import { runCommand, type CommandContext } from './registry';

const ctx = (store: DesignerStore): CommandContext => ({ store, view: null });
const noetl = () => templateById('noetl')!.topology();
const three = () => templateById('three-region')!.topology();

describe('import', () => {
  it('keeps the design and lists every error when the text is not a topology', () => {
    const storage = new MemoryStorage();
    const store = createDesignerStore({ storage, initial: noetl() });
    runCommand(ctx(store), 'cluster.add');
    const saved = storage.getItem(AUTOSAVE_KEY);
    const before = store.getState().design.topology;

    runCommand(ctx(store), 'topology.import', { text: 'version: 1\nname: x\nclusters:\n  - name: a\n    replicas: 0\n  - nme: b\n', source: 'bad.yaml' });

    const s = store.getState();
    expect(s.design.topology).toBe(before);
    expect(s.session.importFailure?.source).toBe('bad.yaml');
    expect(s.session.importFailure?.errors.map((e) => [e.line, e.path])).toEqual([
      [5, 'clusters[0].replicas'],
      [6, 'clusters[1].nme'],
      [6, 'clusters[1].name'],
    ]);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(saved);
  });

  it('replaces the design as one undo step and clears the last failure', () => {
    const store = createDesignerStore({ initial: noetl() });
    setImportFailure(store, { source: 'x', errors: [] });
    select(store, { clusters: ['a'], gateways: [] });
    runCommand(ctx(store), 'topology.import', { text: serializeTopology(three()), source: 'three.yaml' });
    expect(store.getState().design.topology).toEqual(three());
    expect(store.getState().session.importFailure).toBeNull();
    expect(store.getState().session.selection.clusters).toEqual([]);
    expect(store.getState().session.notice?.action?.command).toBe('history.undo');
    undo(store);
    expect(store.getState().design.topology).toEqual(noetl());
  });
});

describe('the Topology tab', () => {
  it('commits text that parses, one undo step per burst of typing', () => {
    const store = createDesignerStore({ initial: noetl() });
    const text = serializeTopology(noetl());
    runCommand(ctx(store), 'topology.text', { text: text.replace('  replicas: 3', '  replicas: 4'), burst: 1 });
    runCommand(ctx(store), 'topology.text', { text: text.replace('  replicas: 3', '  replicas: 5'), burst: 1 });
    expect(store.getState().design.past).toHaveLength(1);
    runCommand(ctx(store), 'topology.text', { text: text.replace('  replicas: 3', '  replicas: 7'), burst: 2 });
    expect(store.getState().design.past).toHaveLength(2);
    expect(store.getState().design.topology.defaults.replicas).toBe(7);
    undo(store);
    expect(store.getState().design.topology.defaults.replicas).toBe(5);
    undo(store);
    expect(store.getState().design.topology).toEqual(noetl());
  });

  it('keeps the selected cluster selected while its name is typed in the text', () => {
    const store = createDesignerStore({ initial: noetl() });
    select(store, { clusters: ['a'], gateways: [] });
    const text = serializeTopology(noetl());
    for (const name of ['n', 'north']) runCommand(ctx(store), 'topology.text', { text: text.replaceAll(/\ba\b(?=\n|,|\])/g, name), burst: 1 });
    const t = store.getState().design.topology;
    expect(t.clusters.map((c) => c.name)).toEqual(['north', 'b']);
    expect(t.gateways).toEqual([['north', 'b']]);
    expect(clusterIds(t)).toEqual(['a', 'b']);
    expect(store.getState().session.selection.clusters).toEqual(['a']);
  });

  it('keeps a selected link selected while one of its clusters is renamed in the text', () => {
    const store = createDesignerStore({ initial: noetl() });
    select(store, { clusters: [], gateways: ['a~b'] });
    const text = serializeTopology(noetl());
    runCommand(ctx(store), 'topology.text', { text: text.replaceAll(/\ba\b(?=\n|,|\])/g, 'north'), burst: 1 });
    expect(store.getState().design.topology.gateways).toEqual([['north', 'b']]);
    expect(store.getState().session.selection.gateways).toEqual(['a~b']);
  });

  it('keeps text that does not parse as a draft, with its errors, and the design as it was', () => {
    const storage = new MemoryStorage();
    const store = createDesignerStore({ storage, initial: noetl() });
    runCommand(ctx(store), 'cluster.add');
    const saved = storage.getItem(AUTOSAVE_KEY);
    const before = store.getState().design.topology;
    const text = serializeTopology(before).replace('  replicas: 3', '  replicas: x');

    runCommand(ctx(store), 'topology.text', { text, burst: 1 });

    const s = store.getState();
    expect(s.design.topology).toBe(before);
    expect(s.session.textDraft).toMatchObject({ text, base: before });
    expect(s.session.textDraft?.errors[0]).toMatchObject({ path: 'defaults.replicas', line: text.split('\n').indexOf('  replicas: x') + 1 });
    // Drafts are never autosaved
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(saved);

    // Fixing the text back to the same design drops the draft without an undo step
    runCommand(ctx(store), 'topology.text', { text: `# a comment\n${serializeTopology(before)}`, burst: 1 });
    expect(store.getState().session.textDraft).toBeNull();
    expect(store.getState().design.topology).toBe(before);
    expect(store.getState().design.past).toHaveLength(1);
  });
});

describe('designs that come in without positions', () => {
  const bare = 'version: 1\nname: bare\nclusters:\n  - name: a\n  - name: b\n  - name: c\ngateways:\n  - [a, b]\n  - [b, c]\n';
  const spots = (store: DesignerStore) => new Set(store.getState().design.topology.clusters.map((c) => `${c.position.x},${c.position.y}`));

  it('are laid out on import, not stacked at 0,0', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'topology.import', { text: bare, source: 'bare.yaml' });
    expect(spots(store).size).toBe(3);
  });

  it('are laid out when typed in the Topology tab, and a cluster with a spot keeps it', () => {
    const store = createDesignerStore({ initial: noetl() });
    runCommand(ctx(store), 'topology.text', { text: bare.replace('  - name: b\n', '  - name: b\n    position: { x: 600, y: 40 }\n'), burst: 1 });
    expect(spots(store).size).toBe(3);
    expect(store.getState().design.topology.clusters[1].position).toEqual({ x: 600, y: 40 });
  });

  it('are laid out when opened from a share link, and the same link again changes nothing', () => {
    const parsed = parseTopology(bare);
    if (!parsed.ok) throw new Error('bare');
    const hash = `#${encodeShareFragment(parsed.topology)}`;
    const store = createDesignerStore();
    runCommand(ctx(store), 'link.open', { hash });
    expect(spots(store).size).toBe(3);
    runCommand(ctx(store), 'link.open', { hash });
    expect(store.getState().session.incoming).toBeNull();
    expect(store.getState().design.past).toHaveLength(1);
  });
});

describe('share links', () => {
  it('open straight away over an empty design, as one undo step', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'link.open', { hash: `#${encodeShareFragment(noetl())}` });
    expect(store.getState().design.topology).toEqual(noetl());
    expect(store.getState().session.incoming).toBeNull();
    expect(store.getState().design.past).toHaveLength(1);
  });

  it('ask before replacing different work, then keep it or open the link', () => {
    const store = createDesignerStore({ initial: noetl() });
    const hash = `#${encodeShareFragment(three())}`;
    runCommand(ctx(store), 'link.open', { hash });
    expect(store.getState().session.incoming).toEqual({ kind: 'ask', topology: three() });
    expect(store.getState().session.dialog).toBe('shared-link');
    runCommand(ctx(store), 'link.dismiss');
    expect(store.getState().design.topology).toEqual(noetl());
    expect(store.getState().session.dialog).toBeNull();

    runCommand(ctx(store), 'link.open', { hash });
    runCommand(ctx(store), 'link.accept');
    expect(store.getState().design.topology).toEqual(three());
    expect(store.getState().session.incoming).toBeNull();
    undo(store);
    expect(store.getState().design.topology).toEqual(noetl());
  });

  it('do nothing when they hold the design already open', () => {
    const store = createDesignerStore({ initial: noetl() });
    runCommand(ctx(store), 'link.open', { hash: `#${encodeShareFragment(noetl())}` });
    expect(store.getState().session.incoming).toBeNull();
    expect(store.getState().design.past).toHaveLength(0);
  });

  it('that are broken say why and write nothing over the autosave', () => {
    const storage = new MemoryStorage();
    const first = createDesignerStore({ storage });
    runCommand(ctx(first), 'template.apply', { id: 'noetl' });
    const saved = storage.getItem(AUTOSAVE_KEY);
    const store = createDesignerStore({ storage });
    for (const hash of ['#v1.garbage', '#v9.x', `#${encodeShareFragment(three()).slice(0, -9)}`]) {
      runCommand(ctx(store), 'link.open', { hash });
      const incoming = store.getState().session.incoming;
      expect(incoming?.kind).toBe('error');
      expect(incoming?.kind === 'error' && incoming.message.length).toBeGreaterThan(10);
      runCommand(ctx(store), 'link.dismiss');
    }
    expect(store.getState().design.topology).toEqual(noetl());
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(saved);
  });

  it('ignore hashes that are not links', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'link.open', { hash: '#section-2' });
    expect(store.getState().session.incoming).toBeNull();
  });
});

describe('design comparison', () => {
  it('compares designs by their canonical text and knows an empty design holds no work', () => {
    expect(sameDesign(noetl(), noetl())).toBe(true);
    expect(sameDesign(noetl(), three())).toBe(false);
    expect(hasWork(createDesignerStore().getState().design.topology)).toBe(false);
    expect(hasWork(noetl())).toBe(true);
  });
});
