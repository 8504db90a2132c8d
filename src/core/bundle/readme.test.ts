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

describe("the README's removal of a cluster", () => {
  const readmeOf = (clusters: { name: string; replicas?: number }[], gateways: [string, string][]) => {
    const r = parseTopology({
      version: 1,
      name: 'rm',
      jetstream: { enabled: true },
      accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
      clusters,
      gateways,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return renderBundleReadme(r.topology);
  };

  it('ends with a meta leader step-down and the removal of nameless peers when the clusters left are clustered', () => {
    const readme = readmeOf([{ name: 'a' }, { name: 'b' }], [['a', 'b']]);
    expect(readme).toContain('until sys server raft step-down; do sleep 5; done');
    expect(readme).toContain('sys server raft peer-remove "$id" -f');
  });

  it('leaves both out when the cluster left runs standalone: there is no meta group to answer the loops', () => {
    const readme = readmeOf([{ name: 'a', replicas: 1 }], []);
    expect(readme).toContain('### Removing (or renaming) a cluster');
    expect(readme).not.toContain('raft step-down');
    expect(readme).not.toContain('peerID');
  });
});

describe('the kubectl commands of the bundle README', () => {
  // Every feature that adds a kubectl command: JetStream with a system user (day-two loop), TLS, monitoring, nats-box.
  const design = (placed: boolean) => {
    const ctx = (c: string) => (placed ? { kubeContext: c, gateway: { service: 'LoadBalancer', address: `${c}.example.com` } } : {});
    const r = parseTopology({
      version: 1,
      name: 'mc',
      jetstream: { enabled: true },
      accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
      defaults: { tls: { clients: true, routes: true, gateways: true } },
      clusters: [
        { name: 'a', ...ctx('ctx-a') },
        { name: 'b', ...ctx('ctx-b') },
        { name: 'c', ...(placed ? { kubeContext: 'ctx-a' } : {}) },
      ],
      gateways: [
        ['a', 'b'],
        ['a', 'c'],
      ],
      monitoring: { exporter: true },
      natsBox: true,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return renderBundleReadme(r.topology);
  };
  const contextOf: Record<string, string> = { a: 'ctx-a', b: 'ctx-b', c: 'ctx-a' };

  /** Each kubectl command in the README's code blocks (a line, or a part of one after `|`, `;`, `$(`), trimmed. */
  function kubectlCommands(readme: string): string[] {
    const out: string[] = [];
    let inBlock = false;
    for (const line of readme.split('\n')) {
      if (line.trim().startsWith('```')) inBlock = !inBlock;
      else if (inBlock) for (const m of line.matchAll(/(?:^|[|;(])\s*(kubectl\b[^|;)]*)/g)) out.push(m[1].trim());
    }
    return out;
  }

  it('sends every command of a design over several Kubernetes clusters to its cluster, and applies no `.`', () => {
    const readme = design(true);
    const commands = kubectlCommands(readme);
    expect(commands.length).toBeGreaterThan(20);
    // No command is context-free: each reaches a NATS cluster's objects, and the bundle spans several kube contexts.
    expect(commands.filter((c) => !/^kubectl --context \S/.test(c))).toEqual([]);
    // A command on a real cluster's objects goes to that cluster's context.
    for (const c of commands) {
      const object = /(?:statefulset|pod|svc)\/nats-([abc])\b/.exec(c);
      if (object) expect(c).toMatch(new RegExp(`^kubectl --context ${contextOf[object[1]]} `));
    }
    expect(readme).not.toContain('apply -k .');
    expect(readme).not.toMatch(/(?<!base\/)secret\.yaml/);
  });

  it('gives a design in one Kubernetes cluster no --context at all', () => {
    const readme = design(false);
    expect(kubectlCommands(readme).length).toBeGreaterThan(20);
    expect(readme).not.toContain('--context');
  });
});
