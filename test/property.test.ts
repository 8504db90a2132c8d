import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint, renderBundle, resolveCluster, type Topology } from '../src/core';
import { arbitraryTopology } from './support/arbitrary';
import { fixedPasswords } from './support/fixtures';
import { podEnv } from './support/conf-check';
import { manifestObjects, validateObject } from './support/k8s';
import { requireNatsServer } from './support/nats-server';
import { bootSuite, PORT_BANDS } from './boot/harness';
import { bootCases } from './boot/suite';

// A few hundred generated designs of every shape, with a fixed seed so a failure is reproducible.
const SEED = 20261121;
const designs: Topology[] = fc.sample(arbitraryTopology(), { numRuns: 240, seed: SEED });
const server = requireNatsServer();
const dir = mkdtempSync(join(tmpdir(), 'property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function natsTest(file: string, env: Record<string, string>): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(server!, ['-t', '-c', file], { env, timeout: 10_000 }, (err, stdout, stderr) => resolve(err ? `${stdout}${stderr}`.trim() || String(err) : null));
  });
}

describe('generated topologies', () => {
  const bundles = designs.map((t) => ({ topology: t, files: renderBundle(t, { passwords: fixedPasswords(t) }) }));

  it(`render every file of ${designs.length} designs`, () => {
    for (const { topology, files } of bundles) {
      expect(files.filter((f) => f.path.startsWith('nats-conf/'))).toHaveLength(topology.clusters.length);
    }
  });

  it('give manifests the Kubernetes schema accepts', () => {
    for (const { files } of bundles) for (const { object } of manifestObjects(files)) validateObject(object);
  });

  it.skipIf(!server)('give confs nats-server -t accepts', { timeout: 180_000 }, async () => {
    const jobs = bundles.flatMap(({ topology, files }, i) =>
      files
        .filter((f) => f.path.startsWith('nats-conf/'))
        .map((f) => ({ name: `${i}-${f.path.slice('nats-conf/'.length)}`, conf: f.content, cluster: f.path.replace(/^nats-conf\/|\.conf$/g, ''), topology })),
    );
    const failures: string[] = [];
    // Four at a time: enough to keep two cores busy without starving the boots running beside this file.
    for (let i = 0; i < jobs.length; i += 4) {
      const batch = jobs.slice(i, i + 4);
      const results = await Promise.all(
        batch.map((j) => {
          const file = join(dir, j.name);
          writeFileSync(file, j.conf);
          return natsTest(file, podEnv(j.cluster, fixedPasswords(j.topology)));
        }),
      );
      results.forEach((r, k) => r && failures.push(`${batch[k].name}: ${r}`));
    }
    expect(failures).toEqual([]);
    expect(jobs.length).toBeGreaterThan(designs.length);
  });
});

// Of the designs the lint calls error-free, boot a handful small enough for this machine.
const bootable = designs
  .filter((t) => !lint(t).some((p) => p.severity === 'error'))
  .filter((t) => t.clusters.reduce((n, c) => n + resolveCluster(t, c).replicas, 0) <= 7)
  .slice(0, 4);

bootSuite('generated topologies that lint error-free', () => {
  it('has designs to boot', () => expect(bootable.length).toBe(4));
  bootCases(
    bootable.map((t, i) => ({ label: `generated #${i} (${t.clusters.map((c) => `${c.name}×${resolveCluster(t, c).replicas}`).join(', ')})`, topology: () => t })),
    PORT_BANDS.property,
  );
});
