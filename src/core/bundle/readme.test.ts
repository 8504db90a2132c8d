import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse/parse-topology';
import { renderBundleReadme } from './readme';

function topology(kind: Record<string, unknown>) {
  const r = parseTopology({ version: 1, name: 'vm', clusters: [{ name: 'a' }], kind });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('the bundle README', () => {
  it('says which kind VM the budget assumed: the provider, its CPUs, memory, disk and nodes', () => {
    const readme = renderBundleReadme(topology({ provider: 'colima', cpus: 6, memory: '12Gi', disk: '80Gi', workers: 2 }));
    expect(readme).toContain('## The kind VM this design was budgeted for');
    expect(readme).toContain('assumed a Colima VM with 6 CPUs, `12Gi` of memory and `80Gi` of disk, and a control plane and 2 workers');
  });

  it('names the provider default when the design does not size the VM', () => {
    const readme = renderBundleReadme(topology({}));
    expect(readme).toMatch(/assumed a podman machine VM with 4 CPUs, `2Gi` of memory and `100Gi` of disk, and one node/);
  });

  it('names leafnodes among the mutual TLS protocols only when a cluster secures them', () => {
    const tls = (leafnodes: boolean) => {
      const r = parseTopology({ version: 1, name: 'vm', defaults: { tls: { routes: true, leafnodes } }, clusters: [{ name: 'a' }] });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return renderBundleReadme(r.topology);
    };
    expect(tls(true)).toContain('Routes, gateways and leafnodes are mutual TLS');
    expect(tls(true)).toContain('- `a`: routes and leafnodes');
    expect(tls(false)).toContain('Routes and\ngateways are mutual TLS');
    expect(tls(false)).not.toContain('leafnodes');
  });
});
