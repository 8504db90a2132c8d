import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse/parse-topology';
import { serializeTopology } from '../bundle/topology-file';
import { decodeShareFragment, encodeShareFragment } from '../share/share-link';
import { renderBundle } from '../bundle/bundle';
import { renderLocalTarget } from '../local/local-target';
import { gatewayExternalAddress } from './placement';
import type { Topology } from '../model';

function parse(data: Record<string, unknown>): Topology {
  const r = parseTopology({ version: 1, name: 'demo', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const design = {
  clusters: [
    { name: 'east', kubeContext: 'prod-east', gateway: { address: 'nats-east.example.com' } },
    { name: 'west', kubeContext: 'prod-west', replicas: 1, gateway: { service: 'NodePort', address: '203.0.113.10', nodePort: 30722 } },
    { name: 'east-b', kubeContext: 'prod-east', replicas: 1 },
  ],
  gateways: [
    ['east', 'west'],
    ['east', 'east-b'],
  ],
};

describe('placement in the topology file', () => {
  it('reads kube contexts and gateway exposure, filling the service type', () => {
    // given / when
    const t = parse(design);
    // then
    expect(t.clusters.map((c) => [c.kubeContext, c.gateway])).toEqual([
      ['prod-east', { service: 'LoadBalancer', address: 'nats-east.example.com', nodePort: null }],
      ['prod-west', { service: 'NodePort', address: '203.0.113.10', nodePort: 30722 }],
      ['prod-east', undefined],
    ]);
    expect(gatewayExternalAddress(t.clusters[0])).toEqual({ host: 'nats-east.example.com', port: 7222 });
    expect(gatewayExternalAddress(t.clusters[1])).toEqual({ host: '203.0.113.10', port: 30722 });
    expect(gatewayExternalAddress(t.clusters[2])).toBeNull();
  });

  it('says where a placement key is wrong, with line and column', () => {
    // given
    const text = [
      'version: 1',
      'name: demo',
      'clusters:',
      '  - name: a',
      '    kubeContext: 7',
      '    gateway: { service: Loadbalancer, nodePort: 80, port: 1 }',
      '',
    ].join('\n');
    // when
    const r = parseTopology(text);
    // then
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`)).toEqual([
      '5:18 clusters[0].kubeContext: must be text, not 7',
      '6:53 clusters[0].gateway.port: unknown key (known: service, address, nodePort)',
      '6:25 clusters[0].gateway.service: must be one of LoadBalancer, NodePort; did you mean "LoadBalancer"?',
      '6:49 clusters[0].gateway.nodePort: must be a whole number from 30000 to 32767, not 80',
    ]);
  });

  it('writes placement back only where it is set, and a share link carries it', () => {
    // given
    const t = parse(design);
    // when
    const text = serializeTopology(t);
    const link = decodeShareFragment(encodeShareFragment(t));
    // then
    const again = parseTopology(text);
    expect(again.ok && again.topology).toEqual(t);
    expect(link.ok && link.topology).toEqual(t);
    expect(text).toContain(
      '    kubeContext: prod-east\n    gateway:\n      service: LoadBalancer\n      address: nats-east.example.com\n      nodePort: null\n',
    );
    expect(serializeTopology(parse({ clusters: [{ name: 'a' }] }))).not.toMatch(/kubeContext|gateway:|security/);
  });
});

describe('placement in nats.conf and the bundle', () => {
  const t = parse(design);
  const files = renderBundle(t);
  const conf = (name: string) => files.find((f) => f.path === `nats-conf/${name}.conf`)!.content;

  it('advertises the external address and dials peers elsewhere at theirs, peers alongside at their headless Service', () => {
    expect(conf('east')).toContain('  advertise: "nats-east.example.com:7222"\n');
    expect(conf('east')).toContain('{ name: "west", urls: ["nats://203.0.113.10:30722"] }');
    expect(conf('east')).toContain('{ name: "east-b", urls: ["nats://nats-east-b-headless.demo.svc.cluster.local:7222"] }');
    expect(conf('west')).toContain('  advertise: "203.0.113.10:30722"\n');
    expect(conf('west')).toContain('{ name: "east", urls: ["nats://nats-east.example.com:7222"] }');
    // east-b has no address: west still dials its in-cluster name, and the lint calls that an error.
    expect(conf('west')).toContain('{ name: "east-b", urls: ["nats://nats-east-b-headless.demo.svc.cluster.local:7222"] }');
    expect(conf('east-b')).not.toContain('  advertise:');
  });

  it('gives each kube context an overlay over one shared base, and exposes only clusters a peer elsewhere dials', () => {
    expect(files.map((f) => f.path).filter((p) => /kustomization|secret|clusters\//.test(p))).toEqual([
      'base/kustomization.yaml',
      'base/secret.yaml',
      'overlays/prod-east/clusters/east-b.yaml',
      'overlays/prod-east/clusters/east.yaml',
      'overlays/prod-east/kustomization.yaml',
      'overlays/prod-west/clusters/west.yaml',
      'overlays/prod-west/kustomization.yaml',
    ]);
    const manifest = (p: string) => files.find((f) => f.path === p)!.content;
    expect(manifest('overlays/prod-east/clusters/east.yaml')).toContain('name: nats-east-gateway');
    expect(manifest('overlays/prod-east/clusters/east.yaml')).toContain('external-dns.alpha.kubernetes.io/hostname: nats-east.example.com');
    expect(manifest('overlays/prod-west/clusters/west.yaml')).toContain('nodePort: 30722');
    expect(manifest('overlays/prod-west/clusters/west.yaml')).not.toContain('external-dns');
    expect(manifest('README.md' as string)).toContain('kubectl --context prod-west apply -k overlays/prod-west');
  });

  it('gives each site of a local run its own addresses: routes inside, advertise and far gateways outside', () => {
    // given
    const sites = new Map([
      ['prod-east', { internal: '10.9.1.1', external: '10.8.0.1' }],
      ['prod-west', { internal: '10.9.2.1', external: '10.8.0.2' }],
    ]);
    // when
    const local = renderLocalTarget(t, undefined, { basePort: 20000, sites });
    const east0 = local.find((f) => f.path === 'local/nats-east-0.conf')!.content;
    const west0 = local.find((f) => f.path === 'local/nats-west-0.conf')!.content;
    // then
    expect(east0).not.toMatch(/^host:/m);
    expect(east0).toContain('"nats://10.9.1.1:20001"');
    expect(east0).toContain('  advertise: "10.8.0.1:20002"\n');
    expect(east0).toContain('{ name: "west", urls: ["nats://10.8.0.2:20032"] }');
    expect(east0).toContain('{ name: "east-b", urls: ["nats://10.9.1.1:20042"] }');
    expect(west0).toContain('{ name: "east-b", urls: ["nats://10.9.1.1:20042"] }');
  });
});

describe('security switches', () => {
  const t = parse({ ...design, security: { networkPolicy: true, restrictedPods: true } });
  const files = renderBundle(t);
  const objects = (p: string) => files.find((f) => f.path === p)!.content.split('\n---\n');

  it('writes each switch back, and leaves a design without them as it was', () => {
    expect(serializeTopology(t)).toContain('security:\n  serverAuth: false\n  networkPolicy: true\n  restrictedPods: true\n');
    expect(parse({ ...design, security: { serverAuth: false } }).security).toBeUndefined();
  });

  it('lets routes in from the own pods only, gateways from local peers or, with a peer elsewhere, from anywhere', () => {
    const policy = (p: string) => objects(p).find((d) => d.includes('kind: NetworkPolicy'))!;
    // east-b's only remotes: east (same context) and west (elsewhere), so its gateway port is open to all
    expect(policy('overlays/prod-east/clusters/east-b.yaml')).toMatch(/- ports:\n\s+- protocol: TCP\n\s+port: 7222/);
    expect(policy('overlays/prod-east/clusters/east.yaml')).toMatch(
      /- from:\n\s+- podSelector:\n\s+matchLabels:\n(\s+[\w./-]+: [\w-]+\n)*\s+nats.io\/cluster: east\n\s+ports:\n\s+- protocol: TCP\n\s+port: 6222/,
    );
  });

  it('runs the server unprivileged with a read-only root filesystem', () => {
    const sts = objects('overlays/prod-west/clusters/west.yaml').find((d) => d.includes('kind: StatefulSet'))!;
    expect(sts).toContain('readOnlyRootFilesystem: true');
    expect(sts).toMatch(/drop:\n\s+- ALL/);
    expect(sts).toContain('type: RuntimeDefault');
    expect(renderBundle(parse(design)).some((f) => f.content.includes('readOnlyRootFilesystem'))).toBe(false);
  });
});

describe('hostile placement text', () => {
  it('keeps a kube context and an address as data: a safe folder, a quoted shell word, a quoted conf string', () => {
    // given
    const t = parse({
      clusters: [
        { name: 'a', kubeContext: '../../etc; rm -rf ~ #', gateway: { address: 'x" } include "/etc/passwd' } },
        { name: 'b', kubeContext: '$(reboot)', gateway: { address: 'b.example.com' } },
      ],
      gateways: [['a', 'b']],
    });
    // when
    const files = renderBundle(t);
    // then
    for (const f of files) expect(f.path).toMatch(/^(?:[a-z0-9][a-z0-9._-]*\/)*(?:[a-z0-9][a-z0-9._-]*|README\.md)$/);
    expect(files.filter((f) => f.path.startsWith('overlays/')).every((f) => !f.path.includes('..'))).toBe(true);
    const readme = files.find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain("kubectl --context '../../etc; rm -rf ~ #' apply -k");
    expect(readme).toContain("kubectl --context '$(reboot)' apply -k");
    const conf = files.find((f) => f.path === 'nats-conf/a.conf')!.content;
    expect(conf).toContain('advertise: "x\\" } include \\"/etc/passwd:7222"');
    expect(files.find((f) => f.path === 'nats-conf/b.conf')!.content).toContain('urls: ["nats://x\\" } include \\"/etc/passwd:7222"]');
  });
});
