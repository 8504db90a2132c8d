import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { authentication } from './authentication';
import { factsOf } from '../../check/facts';

describe('authentication', () => {
  it('notes that without accounts clients connect unauthenticated to $G', () => {
    // given
    const t = topologyFrom();
    // when
    const problems = authentication.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'AUTH_NONE', severity: 'info', target: { kind: 'topology', field: 'accounts' } })]);
    expect(problems[0].message).toContain('share the global account $G');
  });

  it('warns that accounts without users leave every client in $G without JetStream', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'APP', jetstream: true }] });
    // when
    const [p] = authentication.check(factsOf(t));
    // then
    expect(p).toMatchObject({ code: 'JETSTREAM_UNREACHABLE', severity: 'warning' });
    expect(p.message).toBe(
      'no account has users: clients connect without authentication into the global account $G, not into APP, and $G has no JetStream once other accounts exist: no client can use JetStream',
    );
  });

  it('only notes accounts without users when JetStream is off', () => {
    const [p] = authentication.check(factsOf(topologyFrom({ jetstream: { enabled: false }, accounts: [{ name: 'APP' }] })));
    expect(p).toMatchObject({ code: 'AUTH_NONE', severity: 'info' });
  });

  it('says nothing once any account has a user', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'APP', users: ['app'] }, { name: 'EMPTY' }] });
    // when / then
    expect(codes(authentication.check(factsOf(t)))).toEqual([]);
  });
});
