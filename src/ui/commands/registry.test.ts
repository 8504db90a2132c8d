import { describe, expect, it } from 'vitest';
import { lint, type Position, type Problem } from '../../core';
import { createDesignerStore, select, type DesignerStore } from '../store/store';
import { formatShortcut, isTypingTarget, matchesShortcut } from './keys';
import { clusterIds } from '../edits/ids';
import { COMMANDS, commandForKey, commandOf, runCommand, type CommandContext, type CommandId, type ViewApi } from './registry';

function setup(): { store: DesignerStore; ctx: CommandContext; calls: string[] } {
  const store = createDesignerStore();
  const calls: string[] = [];
  const view: ViewApi = {
    fitView: (ids) => calls.push(`fit:${ids?.join(',') ?? 'all'}`),
    centre: (): Position => ({ x: 500, y: 300 }),
    reveal: (ids) => calls.push(`reveal:${ids.join(',')}`),
  };
  return { store, ctx: { store, view }, calls };
}

const names = (store: DesignerStore) => store.getState().design.topology.clusters.map((c) => c.name);

describe('commands', () => {
  it('adds clusters at the view centre without overlapping, each one undo step', () => {
    const { store, ctx, calls } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    const [a, b] = store.getState().design.topology.clusters;
    expect(names(store)).toEqual(['c1', 'c2']);
    expect(a.position).toEqual({ x: 400, y: 240 });
    expect(Math.abs(a.position.x - b.position.x)).toBeGreaterThanOrEqual(220);
    expect(store.getState().design.past).toHaveLength(2);
    expect(store.getState().session.selection.clusters).toEqual(['c2']);
    expect(calls).toContain('reveal:c2');
  });

  it('adds a palette preset where it was dropped', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add', { position: { x: 101, y: 49 }, preset: 'single' });
    const c = store.getState().design.topology.clusters[0];
    expect(c.position).toEqual({ x: 100, y: 40 });
    expect(c.replicas).toBe(1);
  });

  it('connects two clusters once, refusing self-links and repeats with a notice', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'gateway.connect', { a: 'c1', b: 'c2' });
    runCommand(ctx, 'gateway.connect', { a: 'c2', b: 'c1' });
    expect(store.getState().session.notice?.text).toMatch(/already linked/);
    runCommand(ctx, 'gateway.connect', { a: 'c1', b: 'c1' });
    expect(store.getState().design.topology.gateways).toEqual([['c1', 'c2']]);
    expect(store.getState().design.past).toHaveLength(3);
  });

  it('adds a cluster linked to another as one undo step, selected', () => {
    const { store, ctx, calls } = setup();
    runCommand(ctx, 'cluster.add', { position: { x: 0, y: 0 } });
    runCommand(ctx, 'cluster.addLinked', { from: 'c1', position: { x: 401, y: 299 } });
    const s = store.getState();
    expect(names(store)).toEqual(['c1', 'c2']);
    expect(s.design.topology.clusters[1].position).toEqual({ x: 400, y: 300 });
    expect(s.design.topology.gateways).toEqual([['c1', 'c2']]);
    expect(s.session.selection.clusters).toEqual(['c2']);
    expect(s.design.past).toHaveLength(2);
    expect(calls).toContain('reveal:c2');
    runCommand(ctx, 'history.undo');
    expect(names(store)).toEqual(['c1']);
    expect(store.getState().design.topology.gateways).toEqual([]);
  });

  it('deletes the selected link, and a deleted cluster takes its links along', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'gateway.connect', { a: 'c1', b: 'c2' });
    runCommand(ctx, 'gateway.connect', { a: 'c2', b: 'c3' });
    select(store, { clusters: [], gateways: ['c1~c2'] });
    runCommand(ctx, 'selection.delete');
    expect(store.getState().design.topology.gateways).toEqual([['c2', 'c3']]);
    select(store, { clusters: ['c3'], gateways: [] });
    runCommand(ctx, 'selection.delete');
    expect(names(store)).toEqual(['c1', 'c2']);
    expect(store.getState().design.topology.gateways).toEqual([]);
    runCommand(ctx, 'history.undo');
    expect(store.getState().design.topology.gateways).toEqual([['c2', 'c3']]);
  });

  it('does nothing for Delete with an empty selection', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    select(store, { clusters: [], gateways: [] });
    expect(runCommand(ctx, 'selection.delete')).toBe(false);
    expect(names(store)).toEqual(['c1']);
  });

  it('duplicates, copies and pastes clusters with fresh names and the links among them', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'gateway.connect', { a: 'c1', b: 'c2' });
    select(store, { clusters: ['c1', 'c2'], gateways: [] });
    runCommand(ctx, 'selection.duplicate');
    expect(names(store)).toEqual(['c1', 'c2', 'c1-copy', 'c2-copy']);
    expect(store.getState().design.topology.gateways).toContainEqual(['c1-copy', 'c2-copy']);
    expect(store.getState().session.selection.clusters).toEqual(['c1-copy', 'c2-copy']);

    select(store, { clusters: ['c1'], gateways: [] });
    runCommand(ctx, 'selection.copy');
    runCommand(ctx, 'selection.paste');
    runCommand(ctx, 'selection.paste');
    expect(names(store)).toEqual(['c1', 'c2', 'c1-copy', 'c2-copy', 'c1-copy-2', 'c1-copy-3']);
    const positions = store
      .getState()
      .design.topology.clusters.slice(-2)
      .map((c) => c.position);
    expect(positions[0]).not.toEqual(positions[1]);
  });

  it('moves clusters as one step, snapped to the grid', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.move', { positions: new Map([['c1', { x: 333, y: 87 }]]) });
    expect(store.getState().design.topology.clusters[0].position).toEqual({ x: 340, y: 80 });
    expect(store.getState().design.past).toHaveLength(2);
  });

  it('tidies clusters into a circle or a grid without overlaps and fits the view', () => {
    for (const mode of ['layout.circle', 'layout.grid'] as const) {
      const { store, ctx, calls } = setup();
      for (let i = 0; i < 5; i++) runCommand(ctx, 'cluster.add', { position: { x: 0, y: 0 } });
      runCommand(ctx, mode);
      const ps = store.getState().design.topology.clusters.map((c) => c.position);
      for (let i = 0; i < ps.length; i++) {
        for (let j = i + 1; j < ps.length; j++) {
          expect(Math.abs(ps[i].x - ps[j].x) >= 220 || Math.abs(ps[i].y - ps[j].y) >= 120).toBe(true);
        }
      }
      expect(calls).toContain('fit:all');
    }
  });

  it('applies a template as one undoable step, offering the way back', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'template.apply', { id: 'noetl' });
    expect(names(store)).toEqual(['a', 'b']);
    expect(store.getState().session.notice?.action?.command).toBe('history.undo');
    runCommand(ctx, 'history.undo');
    expect(names(store)).toEqual(['c1']);
  });

  it('commits valid field text, keeps invalid text as a draft with the parser message', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    const ref = { scope: 'cluster' as const, id: 'c1', field: 'replicas' };
    runCommand(ctx, 'field.set', { ref, raw: 'four' });
    expect(store.getState().session.drafts['cluster:c1:replicas'].message).toMatch(/whole number/);
    expect(store.getState().design.topology.clusters[0].replicas).toBeUndefined();
    runCommand(ctx, 'field.set', { ref, raw: '4' });
    expect(store.getState().session.drafts).toEqual({});
    expect(store.getState().design.topology.clusters[0].replicas).toBe(4);
    runCommand(ctx, 'field.set', { ref, raw: '5' });
    // Typing in one field is one step
    expect(store.getState().design.past).toHaveLength(2);
  });

  it('renames a cluster and its links, keeping its id and selection, one undo step per field visit', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'gateway.connect', { a: 'c1', b: 'c2' });
    select(store, { clusters: ['c1'], gateways: [] });
    const steps = store.getState().design.past.length;
    // Typed key by key: every keystroke goes to the same field of the same cluster
    const ref = { scope: 'cluster', id: 'c1', field: 'name' } as const;
    for (const raw of ['e', 'ea', 'eas', 'east']) runCommand(ctx, 'field.set', { ref, raw });
    expect(names(store)).toEqual(['east', 'c2']);
    expect(store.getState().design.topology.gateways).toEqual([['east', 'c2']]);
    expect(clusterIds(store.getState().design.topology)).toEqual(['c1', 'c2']);
    expect(store.getState().session.selection.clusters).toEqual(['c1']);
    expect(store.getState().design.past).toHaveLength(steps + 1);

    runCommand(ctx, 'field.set', { ref, raw: 'c2' });
    expect(store.getState().session.drafts['cluster:c1:name'].message).toMatch(/already named/);

    // A new cluster may take the old name; it gets an id of its own
    runCommand(ctx, 'cluster.add');
    expect(names(store)).toEqual(['east', 'c2', 'c1']);
    expect(clusterIds(store.getState().design.topology)).toEqual(['c1', 'c2', 'c1#2']);
    runCommand(ctx, 'history.undo');
    runCommand(ctx, 'history.undo');
    expect(names(store)).toEqual(['c1', 'c2']);
    expect(store.getState().design.topology.gateways).toEqual([['c1', 'c2']]);
    expect(store.getState().session.selection.clusters).toEqual([]);
  });

  it('reveals a problem: selects its cluster, centres it and asks for its field', () => {
    const { store, ctx, calls } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'field.set', { ref: { scope: 'cluster', id: 'c1', field: 'replicas' }, raw: '4' });
    select(store, { clusters: [], gateways: [] });
    const problem = lint(store.getState().design.topology).find((p) => p.code === 'JETSTREAM_CLUSTER_EVEN') as Problem;
    runCommand(ctx, 'problem.reveal', { problem });
    const s = store.getState();
    expect(s.session.selection.clusters).toEqual(['c1']);
    expect(s.session.focus).toMatchObject({ scope: 'cluster', id: 'c1', field: 'replicas' });
    expect(calls).toContain('fit:c1');
  });

  it('reveals kind and topology problems with nothing selected', () => {
    const { store, ctx } = setup();
    runCommand(ctx, 'cluster.add');
    runCommand(ctx, 'problem.reveal', { problem: { code: 'H1', severity: 'error', target: { kind: 'kind', field: 'memory' }, message: '', fix: '' } });
    expect(store.getState().session.selection.clusters).toEqual([]);
    expect(store.getState().session.focus).toMatchObject({ scope: 'kind', field: 'memory' });
    runCommand(ctx, 'problem.reveal', {
      problem: { code: 'TOPOLOGY_EMPTY', severity: 'error', target: { kind: 'topology', field: 'defaults.replicas' }, message: '', fix: '' },
    });
    expect(store.getState().session.focus).toMatchObject({ scope: 'defaults', field: 'replicas' });
  });

  it('disables undo and redo at the ends of history', () => {
    const { store } = setup();
    expect(COMMANDS['history.undo'].enabled!(store.getState())).toBe(false);
    expect(COMMANDS['history.redo'].enabled!(store.getState())).toBe(false);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean; code: string }> = {}) => ({
    key: k,
    code: mods.code,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
  });

  it('maps keys to commands with Ctrl or ⌘ as mod', () => {
    expect(commandForKey(key('z', { ctrl: true }))?.id).toBe('history.undo');
    expect(commandForKey(key('z', { meta: true }))?.id).toBe('history.undo');
    expect(commandForKey(key('Z', { ctrl: true, shift: true }))?.id).toBe('history.redo');
    expect(commandForKey(key('y', { ctrl: true }))?.id).toBe('history.redo');
    expect(commandForKey(key('d', { meta: true }))?.id).toBe('selection.duplicate');
    expect(commandForKey(key('Delete'))?.id).toBe('selection.delete');
    expect(commandForKey(key('Backspace'))?.id).toBe('selection.delete');
    expect(commandForKey(key('!', { shift: true, code: 'Digit1' }))?.id).toBe('view.fit');
    expect(commandForKey(key('?', { shift: true }))?.id).toBe('help.shortcuts');
    expect(commandForKey(key('z'))).toBeUndefined();
  });

  it('gives every shortcut to one command only', () => {
    const specs = Object.keys(COMMANDS).flatMap((id) => commandOf(id as CommandId).shortcuts ?? []);
    expect(new Set(specs).size).toBe(specs.length);
  });

  it('writes shortcuts for each platform', () => {
    expect(formatShortcut('mod+shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('mod+shift+z', true)).toBe('⌘⇧Z');
    expect(matchesShortcut('shift+1', key('1', { shift: true, code: 'Digit1' }))).toBe(true);
  });

  it('leaves keys alone while typing', () => {
    const fake = (match: boolean) => ({ closest: () => (match ? {} : null), isContentEditable: false }) as unknown as EventTarget;
    expect(isTypingTarget(fake(true))).toBe(true);
    expect(isTypingTarget(fake(false))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
