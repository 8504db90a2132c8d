import { describe, expect, it } from 'vitest';
import { check } from '../check/check';
import { PROVIDERS } from '../defaults';
import { templateById } from './index';

describe('the light template', () => {
  it("is sold for small VMs and opens without an error or a warning on podman's default VM", () => {
    // given
    const t = templateById('light')!.topology();
    // when
    const problems = check(t).filter((p) => p.severity !== 'info');
    // then: on the VM it is meant for, nothing to fix
    expect(t.kind).toMatchObject({ provider: 'podman', memory: PROVIDERS.podman.memory, cpus: PROVIDERS.podman.cpus, workers: 0 });
    expect(problems).toEqual([]);
  });
});
