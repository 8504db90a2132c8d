import { toYaml } from '../k8s/yaml';

/** kustomization.yaml listing every manifest, in apply order (the namespace first). */
export function renderKustomization(resources: string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources });
}
