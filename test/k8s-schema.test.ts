import { describe, expect, it } from 'vitest';
import { renderBundle } from '../src/core';
import { siteOf } from '../src/core/conf/placement';
import { objectCases, fixedPasswords, placementCases, renderCases } from './support/fixtures';
import { manifestObjects, validateObject } from './support/k8s';

describe.each(renderCases)('manifests of template %s', (_id, topology) => {
  const objects = manifestObjects(renderBundle(topology, { passwords: fixedPasswords(topology) }));

  it('has a namespace, a secret and five objects per cluster; with TLS, the CA chain and a Certificate per cluster', () => {
    const tls = topology.defaults.tls.clients || topology.defaults.tls.routes || topology.defaults.tls.gateways;
    // Over several kube contexts the first makes the CA; each other one gets an Issuer signing with its copy.
    const sites = new Set(topology.clusters.map(siteOf)).size;
    const ca = tls ? 3 + (sites - 1) : 0;
    // What the switches add: a gateway Service per exposed cluster, a NetworkPolicy and a PodMonitor per cluster, nats-box.
    const exposed = topology.clusters.filter((c) => c.gateway).length;
    const perCluster = (tls ? 6 : 5) + (topology.security?.networkPolicy ? 1 : 0) + (topology.monitoring?.exporter ? 1 : 0);
    expect(objects).toHaveLength(2 + ca + perCluster * topology.clusters.length + exposed + (topology.natsBox ? 1 : 0));
  });

  it.each(objects.map((o) => [`${o.file} ${String(o.object.kind)} ${String((o.object.metadata as { name: string }).name)}`, o.object]))(
    'is valid against the Kubernetes schema: %s',
    (_name, object) => {
      expect(() => validateObject(object)).not.toThrow();
    },
  );

  it('puts apiVersion, kind and metadata first in every object', () => {
    for (const { object } of objects) expect(Object.keys(object).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
  });
});

describe.each(objectCases)('manifests of %s', (_id, topology) => {
  const objects = manifestObjects(renderBundle(topology, { passwords: fixedPasswords(topology) }));
  const monitoring = topology.monitoring?.exporter === true;

  it('adds a PodMonitor per cluster with monitoring on, and the nats-box Deployment with nats-box on', () => {
    const kinds = objects.map((o) => String(o.object.kind));
    expect(kinds.filter((k) => k === 'PodMonitor')).toHaveLength(monitoring ? topology.clusters.length : 0);
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(topology.natsBox ? 1 : 0);
  });

  it.each(objects.map((o) => [`${o.file} ${String(o.object.kind)} ${String((o.object.metadata as { name: string }).name)}`, o.object]))(
    'is valid against its schema: %s',
    (_name, object) => {
      expect(() => validateObject(object)).not.toThrow();
    },
  );
});

describe.each(placementCases)('manifests of placement design %s', (_id, topology) => {
  const objects = manifestObjects(renderBundle(topology, { passwords: fixedPasswords(topology) }));

  it('has a namespace, a secret, five objects per cluster and a gateway Service per exposed cluster', () => {
    const gateways = objects.filter((o) => (o.object.metadata as { name: string }).name.endsWith('-gateway'));
    // Every cluster of the design has a peer in another Kubernetes cluster, so each is exposed.
    expect(new Set(gateways.map((o) => o.file)).size).toBe(topology.clusters.length);
    expect(gateways.every((o) => (o.object.spec as { type: string }).type !== 'ClusterIP')).toBe(true);
    const policies = topology.security?.networkPolicy ? topology.clusters.length : 0;
    expect(objects.filter((o) => o.object.kind === 'NetworkPolicy')).toHaveLength(policies);
    expect(objects).toHaveLength(2 + 6 * topology.clusters.length + policies);
  });

  it.each(objects.map((o) => [`${o.file} ${String(o.object.kind)} ${String((o.object.metadata as { name: string }).name)}`, o.object]))(
    'is valid against the Kubernetes schema: %s',
    (_name, object) => {
      expect(() => validateObject(object)).not.toThrow();
    },
  );
});

describe('the schema check', () => {
  it('rejects a Certificate cert-manager would refuse', () => {
    // Given a Certificate without the Secret it must write
    const bad = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' }, spec: { issuerRef: { name: 'ca' }, dnsNames: ['a'] } };
    // Then validation fails
    expect(() => validateObject(bad)).toThrow(/secretName/);
  });

  it('rejects an object Kubernetes would refuse', () => {
    // Given a StatefulSet with a port that is not a number
    const bad = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'x' },
      spec: { selector: {}, serviceName: 'x', template: { spec: { containers: [{ name: 'n', image: 'i', ports: [{ containerPort: 'nats' }] }] } } },
    };
    // Then validation fails
    expect(() => validateObject(bad)).toThrow(/containerPort/);
  });

  it('rejects a PodMonitor prometheus-operator would refuse', () => {
    // Given a PodMonitor whose endpoints are not a list
    const bad = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'x' },
      spec: { selector: {}, podMetricsEndpoints: { port: 'm' } },
    };
    // Then validation fails
    expect(() => validateObject(bad)).toThrow(/podMetricsEndpoints/);
  });
});
