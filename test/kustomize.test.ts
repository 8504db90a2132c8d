import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderBundle, type Topology } from '../src/core';
import { siteOf } from '../src/core/conf/placement';
import { overlayFolder } from '../src/core/bundle/sites';
import { objectCases, fixedPasswords, placementCases, renderCases } from './support/fixtures';
import { manifestObjects } from './support/k8s';

const kubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim() || null;
if (!kubectl && process.env.CI === 'true') throw new Error('kubectl is not installed, and CI=true: install it (apt-get install kubernetes-client)');
if (!kubectl) console.warn('\n*** kubectl not found: skipping the kustomize build of every bundle ***\n');
const root = mkdtempSync(join(tmpdir(), 'kustomize-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// kubectl is optional on a developer's machine (the issue: "if kubectl is on the machine"); CI installs it.
/** Whether a design spans several kube contexts, so its bundle is one overlay per context and has no root kustomization. */
const multiSite = (t: Topology) => new Set(t.clusters.map(siteOf)).size > 1;
const oneSiteCases = [...renderCases, ...objectCases].filter(([, t]) => !multiSite(t));
const multiSiteCases = [...placementCases, ...renderCases.filter(([, t]) => multiSite(t))];

describe.skipIf(!kubectl).each(oneSiteCases)('kubectl kustomize of template %s', (id, topology) => {
  it('builds, and yields every object the bundle lists', () => {
    const files = renderBundle(topology, { passwords: fixedPasswords(topology) });
    for (const f of files) {
      const path = join(root, safeDir(id), f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    const built = execFileSync(kubectl!, ['kustomize', join(root, safeDir(id))], { encoding: 'utf8' });
    const objects = parseAllDocuments(built).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    const expected = manifestObjects(files).map((o) => `${String(o.object.kind)}/${(o.object.metadata as { name: string }).name}`);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(expected.sort());
  });
});

/** A case name as one folder name. */
function safeDir(id: string): string {
  return id.replace(/[^a-z0-9-]/gi, '_');
}
// A bundle spanning Kubernetes clusters: each overlay is applied alone, with its own context.
describe.skipIf(!kubectl).each(multiSiteCases)('kubectl kustomize of each overlay of placement design %s', (id, topology) => {
  it('builds every overlay into the namespace, the one Secret and exactly its own clusters', () => {
    const files = renderBundle(topology, { passwords: fixedPasswords(topology) });
    expect(files.some((f) => f.path === 'kustomization.yaml')).toBe(false);
    for (const f of files) {
      const path = join(root, `placement-${id}`, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    const overlays = [...new Set(files.map((f) => /^overlays\/[^/]+/.exec(f.path)?.[0]).filter((x): x is string => !!x))];
    expect(overlays.sort()).toEqual([...new Set(topology.clusters.map((c) => overlayFolder(siteOf(c))))].sort());
    const all: string[] = [];
    for (const overlay of overlays) {
      const built = execFileSync(kubectl!, ['kustomize', join(root, `placement-${id}`, overlay)], { encoding: 'utf8' });
      const names = parseAllDocuments(built)
        .map((d) => d.toJS() as { kind: string; metadata: { name: string } })
        .map((o) => `${o.kind}/${o.metadata.name}`);
      const own = manifestObjects(files.filter((f) => f.path.startsWith(`${overlay}/`) || f.path.startsWith('base/')));
      expect(names.sort()).toEqual(own.map((o) => `${String(o.object.kind)}/${(o.object.metadata as { name: string }).name}`).sort());
      expect(names.filter((n) => n.startsWith('Secret/'))).toHaveLength(1);
      all.push(...names.filter((n) => !n.startsWith('Secret/') && !n.startsWith('Namespace/')));
    }
    // Together the overlays hold every cluster's objects once.
    expect(all.sort()).toEqual(
      manifestObjects(files)
        .map((o) => `${String(o.object.kind)}/${(o.object.metadata as { name: string }).name}`)
        .filter((n) => !n.startsWith('Secret/') && !n.startsWith('Namespace/'))
        .sort(),
    );
  });
});
