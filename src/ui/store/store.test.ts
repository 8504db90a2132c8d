import { describe, expect, it } from 'vitest';
import { templateById } from '../../core';
import { runCommand, type CommandContext } from '../commands/registry';
import { MemoryStorage } from '../testing/memory-storage';
import { AUTOSAVE_KEY } from './autosave';
import { emptyTopology } from '../edits/designs';
import { replace, step } from './design';
import {
  apply,
  commit,
  createDesignerStore,
  discardUnreadableAutosave,
  endCoalescing,
  notify,
  openDialog,
  redo,
  select,
  setPreviewFile,
  setPreviewTab,
  undo,
  type DesignerStore,
} from './store';

const ctx = (store: DesignerStore): CommandContext => ({ store, view: null });

describe('the designer store', () => {
  it('starts from an empty, valid design when nothing is saved', () => {
    const store = createDesignerStore({ storage: new MemoryStorage() });
    const s = store.getState();
    expect(s.design.topology.clusters).toEqual([]);
    expect(s.design.topology.name).toBe('my-supercluster');
    expect(s.design.past).toEqual([]);
    expect(s.session.restoreError).toBeNull();
  });

  it('folds edits with the same coalesce key into one undo step until the field is left', () => {
    const store = createDesignerStore();
    const t0 = store.getState().design.topology;
    commit(store, { ...t0, name: 'a' }, { fold: 'topology::name' });
    commit(store, { ...t0, name: 'ab' }, { fold: 'topology::name' });
    commit(store, { ...t0, name: 'abc' }, { fold: 'topology::name' });
    expect(store.getState().design.past).toEqual([t0]);
    endCoalescing(store);
    commit(store, { ...t0, name: 'abcd' }, { fold: 'topology::name' });
    expect(store.getState().design.past).toHaveLength(2);
    undo(store);
    expect(store.getState().design.topology.name).toBe('abc');
  });

  it('ignores a commit of the same topology', () => {
    const store = createDesignerStore();
    commit(store, store.getState().design.topology);
    expect(store.getState().design.past).toEqual([]);
  });

  it('keeps a renamed cluster selected through undo and redo, also of a rename made before a reload', () => {
    const storage = new MemoryStorage();
    const first = createDesignerStore({ storage });
    runCommand(ctx(first), 'cluster.add');
    runCommand(ctx(first), 'field.set', { ref: { scope: 'cluster', id: 'c1', field: 'name' }, raw: 'north' });

    // After a reload the cluster is known by its name; the history holds it under its old one
    const store = createDesignerStore({ storage });
    select(store, { clusters: ['north'], gateways: [] });
    undo(store);
    expect(store.getState().design.topology.clusters[0].name).toBe('c1');
    expect(store.getState().session.selection.clusters).toEqual(['north']);
    redo(store);
    expect(store.getState().design.topology.clusters[0].name).toBe('north');
    expect(store.getState().session.selection.clusters).toEqual(['north']);
  });

  it('drops selected ids that an undo removed', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'cluster.add');
    expect(store.getState().session.selection.clusters).toEqual(['c1']);
    undo(store);
    expect(store.getState().session.selection.clusters).toEqual([]);
  });
});

describe('changes', () => {
  it('applies a command as one store update: the design, its history and the session together', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'cluster.add');
    let updates = 0;
    store.subscribe(() => updates++);
    runCommand(ctx(store), 'template.apply', { id: 'noetl' });
    expect(updates).toBe(1);
    const s = store.getState();
    expect(s.design.topology.name).toBe('noetl-supercluster');
    expect(s.design.past).toHaveLength(2);
    expect(s.session.notice?.action?.command).toBe('history.undo');
    expect(s.session.selection.clusters).toEqual([]);
  });

  it('drops what belonged to a replaced design, field drafts on undo, and changes nothing for nothing', () => {
    const store = createDesignerStore();
    runCommand(ctx(store), 'cluster.add');
    runCommand(ctx(store), 'field.set', { ref: { scope: 'cluster', id: 'c1', field: 'replicas' }, raw: 'x' });
    setPreviewFile(store, 'README.md');
    expect(Object.keys(store.getState().session.drafts)).toEqual(['cluster:c1:replicas']);
    undo(store);
    expect(store.getState().session.drafts).toEqual({});
    expect(store.getState().session.previewFile).toBe('README.md');

    redo(store);
    select(store, { clusters: ['c1'], gateways: [] });
    apply(store, { design: replace(templateById('single')!.topology()) });
    expect(store.getState().session).toMatchObject({ selection: { clusters: [], gateways: [] }, previewFile: null, textDraft: null });

    const before = store.getState();
    apply(store, { design: step(before.design.topology), session: { selection: before.session.selection } });
    expect(store.getState()).toBe(before);
  });

  it('drops field drafts when the selection changes, so leaving a cluster and coming back shows the design again', () => {
    // given two clusters and, on c2, a name that another cluster has
    const store = createDesignerStore();
    runCommand(ctx(store), 'cluster.add');
    runCommand(ctx(store), 'cluster.add');
    select(store, { clusters: ['c2'], gateways: [] });
    runCommand(ctx(store), 'field.set', { ref: { scope: 'cluster', id: 'c2', field: 'name' }, raw: 'c1' });
    expect(store.getState().session.drafts['cluster:c2:name']).toMatchObject({ raw: 'c1', ref: { scope: 'cluster', id: 'c2', field: 'name' } });
    // when the user leaves c2 and comes back
    select(store, { clusters: ['c1'], gateways: [] });
    select(store, { clusters: ['c2'], gateways: [] });
    // then the draft is gone and the design's name stands
    expect(store.getState().session.drafts).toEqual({});
    expect(store.getState().design.topology.clusters.map((c) => c.name)).toEqual(['c1', 'c2']);
  });
});

describe('autosave', () => {
  it('restores the design and its history exactly, including after an undo', () => {
    const storage = new MemoryStorage();
    const first = createDesignerStore({ storage });
    runCommand(ctx(first), 'cluster.add');
    runCommand(ctx(first), 'cluster.add');
    runCommand(ctx(first), 'history.undo');
    const saved = first.getState();

    const second = createDesignerStore({ storage });
    const s = second.getState();
    expect(s.design.topology).toEqual(saved.design.topology);
    expect(s.design.topology.clusters.map((c) => c.name)).toEqual(['c1']);
    expect(s.design.past).toHaveLength(1);
    expect(s.design.future).toHaveLength(1);
    runCommand(ctx(second), 'history.redo');
    expect(second.getState().design.topology.clusters.map((c) => c.name)).toEqual(['c1', 'c2']);
  });

  it('keeps an unreadable save untouched, reports why, and pauses autosave until the user discards it', () => {
    const storage = new MemoryStorage();
    const bad = JSON.stringify({ format: 1, topology: { version: 1, name: 'x', clusters: [{ name: 'a', replicas: 'many' }] } });
    storage.setItem(AUTOSAVE_KEY, bad);
    const store = createDesignerStore({ storage });
    expect(store.getState().session.restoreError).toMatch(/clusters\[0\]\.replicas/);
    expect(store.getState().design.topology.clusters).toEqual([]);

    runCommand(ctx(store), 'cluster.add');
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(bad);

    discardUnreadableAutosave(store);
    expect(store.getState().session.restoreError).toBeNull();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).topology.clusters[0].name).toBe('c1');
  });

  it('refuses text that is not JSON or not our format', () => {
    for (const text of ['{not json', '{"format":7}', '[]']) {
      const storage = new MemoryStorage();
      storage.setItem(AUTOSAVE_KEY, text);
      expect(createDesignerStore({ storage }).getState().session.restoreError).not.toBeNull();
    }
  });

  it('drops a corrupt history but keeps the design', () => {
    const storage = new MemoryStorage();
    const t = templateById('noetl')!.topology();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 1, topology: t, past: [{ bogus: true }], future: [] }));
    const s = createDesignerStore({ storage }).getState();
    expect(s.session.restoreError).toBeNull();
    expect(s.design.topology).toEqual(t);
    expect(s.design.past).toEqual([]);
  });

  it('says so when the browser refuses to save', () => {
    const storage = new MemoryStorage();
    const store = createDesignerStore({ storage });
    storage.refuse = true;
    runCommand(ctx(store), 'cluster.add');
    expect(store.getState().session.notice?.tone).toBe('error');
  });

  it('writes a deferred save once, with the design as it is when the write runs', () => {
    // Given a store whose saves wait for the scheduler
    const storage = new MemoryStorage();
    const waiting: (() => void)[] = [];
    const store = createDesignerStore({ storage, scheduleAutosave: (write) => waiting.push(write) });

    // When three edits are made before the write runs
    runCommand(ctx(store), 'cluster.add');
    runCommand(ctx(store), 'cluster.add');
    runCommand(ctx(store), 'cluster.add');

    // Then one write is scheduled, nothing is written yet, and the write saves all three
    expect(waiting).toHaveLength(1);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    waiting[0]();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).topology.clusters.map((c: { name: string }) => c.name)).toEqual(['c1', 'c2', 'c3']);

    // And the next edit schedules a new write
    runCommand(ctx(store), 'history.undo');
    expect(waiting).toHaveLength(2);
    waiting[1]();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).topology.clusters).toHaveLength(2);
  });

  it('saves nothing for UI-only changes', () => {
    const storage = new MemoryStorage();
    const store = createDesignerStore({ storage, initial: emptyTopology() });
    openDialog(store, 'shortcuts');
    notify(store, 'a notice');
    setPreviewTab(store, 'topology');
    expect(store.getState().session).toMatchObject({ dialog: 'shortcuts', previewTab: 'topology' });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });
});
