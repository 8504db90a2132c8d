import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse/parse-topology';
import type { Topology } from '../model';
import { budget } from './budget';
import { vmSizeFor } from './fit-vm';

/** A new design's clusters, all defaults, on the default kind VM (podman machine's 4 CPUs / 2 GiB). */
function defaultClusters(n: number): Topology {
  const parsed = parseTopology({ version: 1, name: 'demo', clusters: Array.from({ length: n }, (_, i) => ({ name: `c${i + 1}` })) });
  if (!parsed.ok) throw new Error('bad fixture');
  return parsed.topology;
}

const sizeWarnings = (t: Topology, cpus: number, memory: string) =>
  budget({ ...t, kind: { ...t.kind, cpus, memory } })
    .problems.filter((p) => p.severity !== 'info')
    .map((p) => p.code);

describe('vmSizeFor: the VM a design needs', () => {
  it('sizes the default VM for one default cluster: 8 GiB, and 7 GiB would still warn', () => {
    // given
    const t = defaultClusters(1);
    expect(sizeWarnings(t, 4, '2Gi')).not.toEqual([]);
    // when
    const size = vmSizeFor(t);
    // then
    expect(size).toEqual({
      cpus: 4,
      memory: '8Gi',
      memoryMiB: 8192,
      resize: 'podman machine stop; podman machine set --cpus 4 --memory 8192; podman machine start',
    });
    expect(sizeWarnings(t, 4, '8Gi')).toEqual([]);
    expect(sizeWarnings(t, 4, '7Gi')).not.toEqual([]);
  });

  it('sizes it for a second default cluster too, whose pods would stay Pending at 2 GiB', () => {
    const t = defaultClusters(2);
    expect(sizeWarnings(t, 4, '2Gi')).toContain('S2');
    const size = vmSizeFor(t)!;
    expect(size.memory).toBe('14Gi');
    expect(sizeWarnings(t, size.cpus, size.memory)).toEqual([]);
  });

  it('never proposes a smaller VM than the design has, and answers null when no size clears the warnings', () => {
    const t = defaultClusters(1);
    expect(vmSizeFor({ ...t, kind: { ...t.kind, cpus: 8, memory: '32Gi' } })).toMatchObject({ cpus: 8, memory: '32Gi' });
    // 99 servers requesting 4Gi each: more than 256 GiB
    const huge = { ...t, defaults: { ...t.defaults, replicas: 99, resources: { requests: { memory: '4Gi' }, limits: { memory: '4Gi' } } } };
    expect(vmSizeFor(huge)).toBeNull();
  });
});
