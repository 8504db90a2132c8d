import { describe, expect, it } from 'vitest';
import { changes, renderBundle, templateById, zipBundle } from '../../core';
import { runCommand } from '../commands/registry';
import { previousDesign } from '../io/previous-design';
import { MemoryStorage } from '../testing/memory-storage';
import { BASELINE_KEY, readBaseline } from './baseline';
import { createDesignerStore } from './store';

describe('the design last downloaded', () => {
  it('is kept across designers in the same browser, as topology text, until forgotten', () => {
    // Given a designer that remembers the NoETL design as downloaded
    const storage = new MemoryStorage();
    const noetl = templateById('noetl')!.topology();
    const first = createDesignerStore({ storage });
    runCommand({ store: first, view: null }, 'baseline.remember', { topology: noetl, file: null });

    // Then a designer opened later starts with it
    const second = createDesignerStore({ storage });
    expect(second.getState().session.baseline).toEqual({ topology: noetl, file: null });
    expect(JSON.parse(storage.getItem(BASELINE_KEY)!)).toMatchObject({ format: 1, file: null });

    // When it is forgotten, the next designer has none
    runCommand({ store: second, view: null }, 'baseline.forget');
    expect(storage.getItem(BASELINE_KEY)).toBeNull();
    expect(createDesignerStore({ storage }).getState().session.baseline).toBeNull();
  });

  it('forgets a stored baseline that does not read as a topology', () => {
    const storage = new MemoryStorage();
    for (const text of ['not json', '{"format":2}', JSON.stringify({ format: 1, file: null, topology: 'clusters: 7' })]) {
      storage.setItem(BASELINE_KEY, text);
      expect(readBaseline(storage)).toBeNull();
    }
  });

  it('is read from a previous bundle zip, whose removed cluster the changes then name', () => {
    const noetl = templateById('noetl')!.topology();
    const zip = zipBundle(renderBundle(noetl), noetl.name);
    const read = previousDesign(zip)!;
    expect(read).toEqual(noetl);
    const withoutB = { ...noetl, clusters: noetl.clusters.filter((c) => c.name !== 'b'), gateways: [] };
    expect(changes(read, withoutB).map((p) => p.code)).toEqual(['CHANGE_CLUSTER_REMOVED']);
    // A secret.yaml or anything else that is no zip holds no design
    expect(previousDesign(new TextEncoder().encode('stringData: {}'))).toBeNull();
  });
});
