import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { parseAllDocuments } from 'yaml';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import type { BundleFile } from '../../src/core';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'apps/v1/Deployment': Deployment,
  // prometheus-operator's CRD schema, offline, from the package made for it.
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'cert-manager.io/v1/Issuer': Issuer,
  'cert-manager.io/v1/Certificate': Certificate,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Every Kubernetes object in a bundle's manifests, parsed back from the YAML we wrote. */
export function manifestObjects(files: BundleFile[]): { file: string; object: Record<string, unknown> }[] {
  // Kustomizations are at the top, or in base/ and each overlay of a bundle spanning Kubernetes clusters.
  const manifests = files.filter(
    (f) => f.path.endsWith('.yaml') && !f.path.endsWith('kustomization.yaml') && !['kind-config.yaml', 'topology.yaml'].includes(f.path),
  );
  return manifests.flatMap((f) =>
    parseAllDocuments(f.content).map((d) => {
      if (d.errors.length) throw new Error(`${f.path}: ${d.errors[0].message}`);
      return { file: f.path, object: d.toJS() as Record<string, unknown> };
    }),
  );
}

/** Validates one object against the Kubernetes OpenAPI schema carried by `kubernetes-models`. */
export function validateObject(object: Record<string, unknown>): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  new Model(object as never).validate();
}
