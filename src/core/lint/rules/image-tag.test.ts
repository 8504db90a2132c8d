import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { imageTag } from './image-tag';
import { factsOf } from '../../check/facts';

describe('image-tag', () => {
  it.each([
    ['nats', 'it has no tag, which means latest'],
    ['nats:latest', 'latest moves with every release'],
    ['nats:alpine', 'tag "alpine" carries no version number'],
    ['nats:2.10-alpine', 'tag "2.10-alpine" moves with every 2.10.x release'],
    ['nats:2', 'tag "2" moves with every 2.x release'],
  ])('warns that %s floats', (image, why) => {
    // given
    const t = topologyFrom({ image });
    // when
    const problems = imageTag.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_TAG_FLOATING', severity: 'warning', target: { kind: 'topology', field: 'image' } })]);
    expect(problems[0].message).toContain(why);
  });

  it.each(['nats:2.14.2-alpine', 'nats:2.14.2', `nats@sha256:${'b'.repeat(64)}`, 'registry.example.com/nats:2.10.29-scratch'])('accepts pinned %s', (image) => {
    // given
    const t = topologyFrom({ image });
    // when / then
    expect(codes(imageTag.check(factsOf(t)))).toEqual([]);
  });
});
