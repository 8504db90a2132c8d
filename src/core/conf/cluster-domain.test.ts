import { describe, expect, it } from 'vitest';
import { renderBundle } from '../bundle/bundle';
import { TEMPLATES } from '../templates/index';

describe('the cluster domain', () => {
  it('ends every in-cluster address of the bundle, and cluster.local appears nowhere when another is set', () => {
    // Given the NoETL design on a Kubernetes cluster whose DNS domain is not the default
    const t = { ...TEMPLATES.find((x) => x.id === 'noetl')!.topology(), clusterDomain: 'k8s.example.internal' };

    // When it is rendered
    const files = renderBundle(t);
    const text = files.map((f) => f.content).join('\n');

    // Then routes, gateway seeds and the README's connect lines use it
    const conf = files.find((f) => f.path === 'nats-conf/a.conf')!.content;
    expect(conf).toContain('"nats://nats-a-0.nats-a-headless.nats-supercluster.svc.k8s.example.internal:6222"');
    expect(conf).toContain('{ name: "b", urls: ["nats://nats-b-headless.nats-supercluster.svc.k8s.example.internal:7222"] }');
    expect(files.find((f) => f.path === 'README.md')!.content).toContain('nats://nats-a.nats-supercluster.svc.k8s.example.internal:4222');
    expect(text).not.toContain('cluster.local');
    expect(files.find((f) => f.path === 'topology.yaml')!.content).toContain('clusterDomain: k8s.example.internal');
  });
});
