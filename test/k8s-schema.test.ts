import { describe, expect, it } from 'vitest';
import { renderBundle } from '../src/core';
import { fixedPasswords, placementCases, templateCases } from './support/fixtures';
import { manifestObjects, validateObject } from './support/k8s';

describe.each(templateCases)('manifests of template %s', (_id, topology) => {
  const objects = manifestObjects(renderBundle(topology, { passwords: fixedPasswords(topology) }));

  it('has a namespace, a secret and five objects per cluster', () => {
    expect(objects).toHaveLength(2 + 5 * topology.clusters.length);
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
});
