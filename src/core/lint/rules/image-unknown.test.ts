import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { imageUnknown } from './image-unknown';
import { factsOf } from '../../check/facts';

describe('image-unknown', () => {
  it('notes a custom image and says the preStop hook needs nats-server on PATH', () => {
    // given
    const t = topologyFrom({ image: 'registry.example.com/team/messaging:1.4.0' });
    // when
    const problems = imageUnknown.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_UNKNOWN', severity: 'info', target: { kind: 'topology', field: 'image' } })]);
    expect(problems[0].fix).toContain('nats-server on its PATH');
  });

  it.each(['nats:2.14.2-alpine', 'nats:2.14.2-scratch', 'mirror.gcr.io/library/nats:2.14.2', 'not a reference'])('says nothing about %j', (image) => {
    // given: the official image (its scratch variant has / on PATH), a mirror of it, or an invalid reference
    const t = topologyFrom({ image });
    // when / then
    expect(codes(imageUnknown.check(factsOf(t)))).toEqual([]);
  });
});
