import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { jetstreamNoAccount } from './jetstream-no-account';
import { factsOf } from '../../check/facts';

describe('jetstream-no-account', () => {
  it('notes JetStream that no account may use', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'APP', users: ['app'] }] });
    // when
    const problems = jetstreamNoAccount.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'JETSTREAM_NO_ACCOUNT', severity: 'info', target: { kind: 'topology', field: 'jetstream' } })]);
  });

  it('accepts one JetStream account among others', () => {
    // given
    const t = topologyFrom({
      accounts: [
        { name: 'APP', users: ['app'] },
        { name: 'JS', jetstream: true, users: ['js'] },
      ],
    });
    // when / then
    expect(codes(jetstreamNoAccount.check(factsOf(t)))).toEqual([]);
  });

  it('accepts no accounts (the global account gets JetStream) and JetStream off', () => {
    // given
    const noAccounts = topologyFrom();
    const off = topologyFrom({ jetstream: { enabled: false }, accounts: [{ name: 'APP', users: ['app'] }] });
    // when / then
    expect(codes(jetstreamNoAccount.check(factsOf(noAccounts)))).toEqual([]);
    expect(codes(jetstreamNoAccount.check(factsOf(off)))).toEqual([]);
  });
});
