import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderBundle, type Topology } from '../src/core';
import { arbitraryTopology } from './support/arbitrary';
import { fixedPasswords } from './support/fixtures';
import { podEnv } from './support/conf-check';
import { manifestObjects, validateObject } from './support/k8s';
import { describeEachServer, type NatsServerBinary } from './support/tools';

// A few hundred generated designs of every shape, with a fixed seed so a failure is reproducible.
const SEED = 20261121;
const designs: Topology[] = fc.sample(arbitraryTopology(), { numRuns: 240, seed: SEED });
const dir = mkdtempSync(join(tmpdir(), 'property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function natsTest(server: NatsServerBinary, file: string, env: Record<string, string>): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(server.path, ['-t', '-c', file], { env, timeout: 10_000 }, (err, stdout, stderr) =>
      resolve(err ? `${stdout}${stderr}`.trim() || String(err) : null),
    );
  });
}

const bundles = designs.map((t) => ({ topology: t, files: renderBundle(t, { passwords: fixedPasswords(t) }) }));

describe('generated topologies', () => {
  it(`render every file of ${designs.length} designs`, () => {
    for (const { topology, files } of bundles) {
      expect(files.filter((f) => f.path.startsWith('nats-conf/'))).toHaveLength(topology.clusters.length);
    }
  });

  it('give manifests the Kubernetes schema accepts', () => {
    for (const { files } of bundles) for (const { object } of manifestObjects(files)) validateObject(object);
  });
});

describeEachServer('generated topologies', (server) => {
  it('give confs nats-server -t accepts', { timeout: 180_000 }, async () => {
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
          const file = join(dir, `${server.version}-${j.name}`);
          writeFileSync(file, j.conf);
          return natsTest(server, file, podEnv(j.cluster, fixedPasswords(j.topology)));
        }),
      );
      results.forEach((r, k) => r && failures.push(`${batch[k].name}: ${r}`));
    }
    expect(failures).toEqual([]);
    expect(jobs.length).toBeGreaterThan(designs.length);
  });
});
