import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { imageReference } from './image-reference';
import { factsOf } from '../../check/facts';

describe('image-reference', () => {
  it('reports an image reference a runtime cannot parse', () => {
    // given
    const t = topologyFrom({ image: 'NATS:2.14.2' });
    // when
    const problems = imageReference.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_INVALID', severity: 'error', target: { kind: 'topology', field: 'image' } })]);
    expect(problems[0].message).toContain('InvalidImageName');
  });

  it('accepts references with a registry port, a path and a digest', () => {
    // given
    const t = topologyFrom({ image: `localhost:5000/mirror/nats:2.14.2-alpine@sha256:${'0'.repeat(64)}` });
    // when / then
    expect(codes(imageReference.check(factsOf(t)))).toEqual([]);
  });
});
