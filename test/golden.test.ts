import { describe, expect, it } from 'vitest';
import { renderBundle } from '../src/core';
import { fixedPasswords, renderCases } from './support/fixtures';

// Golden files for every rendered file of every template. `npm run test:update` rewrites them; CI fails on any
// difference. Each was checked by the real consumers in the tests beside this one (nats-server, Kubernetes
// schemas, kustomize) and read by a person before it was committed.
describe.each(renderCases)('bundle of template %s', (id, topology) => {
  const files = renderBundle(topology, { passwords: fixedPasswords(topology) });

  it.each(files.map((f) => [f.path, f.content]))('renders %s as its golden file', async (path, content) => {
    await expect(content).toMatchFileSnapshot(`golden/${id}/${path}`);
  });

  it('renders the same bytes twice', () => {
    expect(renderBundle(topology, { passwords: fixedPasswords(topology) })).toEqual(files);
  });
});
