import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { jetstreamDomain } from './jetstream-domain';
import { factsOf } from '../../check/facts';

describe('jetstream-domain', () => {
  it.each(['a.b', 'hub*', 'to>', 'my hub'])('reports domain %j, which the server refuses', (domain) => {
    // given
    const t = topologyFrom({ jetstream: { domain } });
    // when
    const problems = jetstreamDomain.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'JETSTREAM_DOMAIN_INVALID', severity: 'error', target: { kind: 'topology', field: 'jetstream.domain' } }),
    ]);
  });

  it('suggests a domain with the bad characters replaced', () => {
    // given
    const t = topologyFrom({ jetstream: { domain: 'eu.west' } });
    // when / then
    expect(jetstreamDomain.check(factsOf(t))[0].fix).toContain('"eu-west"');
  });

  it('accepts letters, digits, _ and -, and no domain at all', () => {
    // given
    const named = topologyFrom({ jetstream: { domain: 'Hub_1-eu' } });
    const none = topologyFrom({ jetstream: { domain: null } });
    // when / then
    expect(codes(jetstreamDomain.check(factsOf(named)))).toEqual([]);
    expect(codes(jetstreamDomain.check(factsOf(none)))).toEqual([]);
  });

  it('leaves a domain under disabled JetStream to jetstream-disabled', () => {
    // given
    const t = topologyFrom({ jetstream: { enabled: false, domain: 'a.b' } });
    // when / then
    expect(codes(jetstreamDomain.check(factsOf(t)))).toEqual([]);
  });
});
