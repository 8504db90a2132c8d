import { describe, expect, it } from 'vitest';
import { renderBundle } from '../src/core';
import { fixedPasswords, templateCases } from './support/fixtures';
import { requireNatsServer } from './support/nats-server';
import { checkConf, podEnv } from './support/conf-check';

const server = requireNatsServer();

describe.skipIf(!server).each(templateCases)('nats.conf of template %s', (id, topology) => {
  const confs = renderBundle(topology).filter((f) => f.path.startsWith('nats-conf/'));

  it('renders one conf per cluster', () => {
    expect(confs.map((f) => f.path)).toEqual(topology.clusters.map((c) => `nats-conf/${c.name}.conf`).sort());
  });

  it.each(confs.map((f) => [f.path, f.content]))('passes nats-server -t: %s', (path, conf) => {
    const cluster = path.replace(/^nats-conf\/|\.conf$/g, '');
    expect(() => checkConf(server!, conf, podEnv(cluster, fixedPasswords(topology)), `${id}-${cluster}`)).not.toThrow();
  });
});
