import { expect, it } from 'vitest';
import { renderBundle } from '../src/core';
import { fixedPasswords, templateCases } from './support/fixtures';
import { checkConf, podEnv } from './support/conf-check';
import { describeEachServer } from './support/tools';

describeEachServer('nats.conf of every template', (server) => {
  it.each(templateCases)('%s: one conf per cluster, each accepted by nats-server -t', (_id, topology) => {
    const confs = renderBundle(topology).filter((f) => f.path.startsWith('nats-conf/'));
    expect(confs.map((f) => f.path)).toEqual(topology.clusters.map((c) => `nats-conf/${c.name}.conf`).sort());
    for (const f of confs) {
      const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
      expect(() => checkConf(server.path, f.content, podEnv(cluster, fixedPasswords(topology)), `${server.version}-${topology.name}-${cluster}`)).not.toThrow();
    }
  });
});
