import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { jetstreamDisabled } from './jetstream-disabled';
import { factsOf } from '../../check/facts';

describe('jetstream-disabled', () => {
  it('warns about accounts with jetstream: true and a domain while JetStream is off', () => {
    // given
    const t = topologyFrom({
      jetstream: { enabled: false, domain: 'hub' },
      accounts: [
        { name: 'APP', jetstream: true, users: ['app'] },
        { name: 'LOGS', users: ['logs'] },
      ],
    });
    // when
    const problems = jetstreamDisabled.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'JETSTREAM_ACCOUNT_IGNORED', severity: 'warning', target: { kind: 'account', account: 'APP', field: 'jetstream' } }),
      expect.objectContaining({ code: 'JETSTREAM_DOMAIN_IGNORED', severity: 'warning', target: { kind: 'topology', field: 'jetstream.domain' } }),
    ]);
  });

  it('says nothing when JetStream is on', () => {
    // given
    const t = topologyFrom({ jetstream: { domain: 'hub' }, accounts: [{ name: 'APP', jetstream: true, users: ['app'] }] });
    // when / then
    expect(codes(jetstreamDisabled.check(factsOf(t)))).toEqual([]);
  });

  it('says nothing when JetStream is off and nothing asks for it', () => {
    // given
    const t = topologyFrom({ jetstream: { enabled: false }, accounts: [{ name: 'APP', users: ['app'] }] });
    // when / then
    expect(codes(jetstreamDisabled.check(factsOf(t)))).toEqual([]);
  });
});
