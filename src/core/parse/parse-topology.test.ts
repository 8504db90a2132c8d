import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse-topology';
import { serializeTopology } from '../bundle/topology-file';
import { TEMPLATES } from '../templates/index';
import { DEFAULT_IMAGE, NATS_SERVER_VERSION } from '../defaults';

const MINIMAL = 'version: 1\nname: demo\nclusters:\n  - name: a\n';

function errorsOf(text: unknown) {
  const r = parseTopology(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseTopology', () => {
  it('fills every default into a minimal file', () => {
    // Given a file with only the required keys
    const r = parseTopology(MINIMAL);
    // Then the topology carries the documented defaults
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.topology.namespace).toBe('demo');
    expect(r.topology.image).toBe(DEFAULT_IMAGE);
    expect(DEFAULT_IMAGE).toBe(`nats:${NATS_SERVER_VERSION}-alpine`);
    expect(r.topology.jetstream).toEqual({ enabled: true, domain: null });
    expect(r.topology.defaults.replicas).toBe(3);
    expect(r.topology.defaults.jetstream).toEqual({ memoryStore: '1Gi', fileStore: '4Gi', volumeSize: '5Gi', storageClass: null });
    expect(r.topology.kind).toMatchObject({ provider: 'podman', cpus: 4, memory: '2Gi', workers: 0, otherWorkloads: [] });
    expect(r.topology.clusters[0]).toEqual({ name: 'a', region: null, zone: null, position: { x: 0, y: 0 } });
  });

  it('reads JSON as well as YAML', () => {
    const r = parseTopology(JSON.stringify({ version: 1, name: 'demo', clusters: [{ name: 'a', replicas: 5 }] }));
    expect(r.ok && r.topology.clusters[0].replicas).toBe(5);
  });

  it('accepts plain data (share links, autosave) through the same door', () => {
    const r = parseTopology({ version: 1, name: 'demo', clusters: [] });
    expect(r.ok).toBe(true);
  });

  it('names an unknown key with a did-you-mean, its path, line and column', () => {
    const errors = errorsOf('version: 1\nname: x\nclusters:\n  - name: a\n    replicaz: 3\n');
    expect(errors).toEqual([{ path: 'clusters[0].replicaz', message: 'unknown key; did you mean "replicas"?', line: 5, column: 5 }]);
  });

  it('says what a field must be, pointing at the value', () => {
    const errors = errorsOf('version: 1\nname: x\nclusters:\n  - name: a\n  - name: b\n    replicas: 100\n');
    expect(errors).toEqual([{ path: 'clusters[1].replicas', message: 'must be a whole number from 1 to 99, not 100', line: 6, column: 15 }]);
  });

  it('reports every error of a file in one pass', () => {
    const errors = errorsOf(
      'version: 1\nname: x\nimage: 3\nclusters:\n  - name: a\n    replicas: 0\n    resources: { limits: { memory: lots } }\nkind: { provider: podmn }\n',
    );
    expect(errors.map((e) => e.path)).toEqual(['image', 'clusters[0].replicas', 'clusters[0].resources.limits.memory', 'kind.provider']);
    expect(errors[3].message).toContain('did you mean "podman"?');
  });

  it('explains a file from a newer designer', () => {
    expect(errorsOf('version: 2\nname: x\n')[0].message).toMatch(/newer designer/);
  });

  it('requires the version', () => {
    expect(errorsOf('name: x\n')[0]).toMatchObject({ path: 'version' });
  });

  it('gives the line and column of a YAML syntax error', () => {
    const [e] = errorsOf('version: 1\nname: [x\n');
    expect(e.path).toBe('(syntax)');
    expect(e.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects duplicate keys instead of keeping the last silently', () => {
    expect(errorsOf('version: 1\nname: x\nname: y\n')[0].path).toBe('(syntax)');
  });

  it('keeps per-cluster overrides, with null removing a default', () => {
    const r = parseTopology(`${MINIMAL}    resources: { limits: { cpu: null, memory: 4Gi } }\n    jetstream: { fileStore: 8Gi }\n`);
    expect(r.ok && r.topology.clusters[0]).toMatchObject({ resources: { limits: { cpu: null, memory: '4Gi' } }, jetstream: { fileStore: '8Gi' } });
  });

  it('accepts numbers as CPU quantities and keeps them as text', () => {
    const r = parseTopology(`${MINIMAL}defaults: { resources: { limits: { cpu: 2 } } }\n`);
    expect(r.ok && r.topology.defaults.resources.limits).toEqual({ cpu: '2', memory: '2Gi' });
  });

  it.each(TEMPLATES.map((t) => [t.id, t.topology()] as const))('round-trips template %s through its file', (_id, topology) => {
    const r = parseTopology(serializeTopology(topology));
    expect(r.ok && r.topology).toEqual(topology);
  });
});

describe('the monitoring and nats-box switches', () => {
  it('are off, and leave no key, when the file says nothing or false', () => {
    for (const text of [MINIMAL, `${MINIMAL}monitoring: {exporter: false}\nnatsBox: false\n`, `${MINIMAL}monitoring: null\nnatsBox: null\n`]) {
      const r = parseTopology(text);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect('monitoring' in r.topology).toBe(false);
      expect('natsBox' in r.topology).toBe(false);
    }
  });

  it('are read when on, and written back', () => {
    const r = parseTopology(`${MINIMAL}monitoring:\n  exporter: true\nnatsBox: true\n`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.topology.monitoring).toEqual({ exporter: true });
    expect(r.topology.natsBox).toBe(true);
    const text = serializeTopology(r.topology);
    expect(text).toMatch(/^monitoring:\n {2}exporter: true\nnatsBox: true$/m);
    expect(parseTopology(text)).toEqual(r);
  });

  it('say where a wrong value is, with line and column', () => {
    expect(errorsOf(`${MINIMAL}monitoring:\n  exporter: yes please\nnatsBox: 1\n`)).toEqual([
      expect.objectContaining({ path: 'monitoring.exporter', line: 6, column: 13 }),
      expect.objectContaining({ path: 'natsBox', line: 7, column: 10 }),
    ]);
    expect(errorsOf(`${MINIMAL}monitoring:\n  exportr: true\n`)).toEqual([
      expect.objectContaining({ path: 'monitoring.exportr', message: expect.stringMatching(/exporter/) }),
    ]);
  });
});

describe('leafnode links and a cluster domain', () => {
  it('are read, written back, and left out when absent', () => {
    const r = parseTopology(`${MINIMAL}  - name: edge\n    domain: edge\nleafnodes:\n  - [edge, a]\n`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.topology.leafnodes).toEqual([['edge', 'a']]);
    expect(r.topology.clusters[1].domain).toBe('edge');
    expect('domain' in r.topology.clusters[0]).toBe(false);
    const text = serializeTopology(r.topology);
    expect(text).toContain('leafnodes:\n  - [ edge, a ]\n');
    expect(parseTopology(text)).toEqual(r);
    const empty = parseTopology(`${MINIMAL}leafnodes: []\n`);
    expect(empty.ok && 'leafnodes' in empty.topology).toBe(false);
  });

  it('say where a wrong link or domain is', () => {
    expect(errorsOf(`${MINIMAL}  - name: b\n    domain: 3\nleafnodes:\n  - [a]\n`)).toEqual([
      expect.objectContaining({ path: 'clusters[1].domain' }),
      expect.objectContaining({ path: 'leafnodes[0]', message: 'must be a leaf and its hub, like [edge, hub]', line: 8 }),
    ]);
  });
});
