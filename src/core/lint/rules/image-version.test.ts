import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { imageVersion } from './image-version';
import { factsOf } from '../../check/facts';

describe('image-version', () => {
  it('reports nats 2.9.3, which lacks the split health checks', () => {
    // given
    const t = topologyFrom({ image: 'nats:2.9.3-alpine' });
    // when
    const problems = imageVersion.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_TOO_OLD', severity: 'error', target: { kind: 'topology', field: 'image' } })]);
    expect(problems[0].message).toContain('runs nats-server 2.9.3');
    expect(problems[0].message).toContain('2.9.10 or newer');
  });

  it('reports a floating tag whose newest release is too old', () => {
    // given
    const t = topologyFrom({ image: 'nats:2.8' });
    // when / then
    expect(codes(imageVersion.check(factsOf(t)))).toEqual(['IMAGE_TOO_OLD']);
  });

  it.each(['nats:2.9.10', 'nats:2.9-alpine', 'nats:2.14.2-alpine', 'nats:latest', 'nats', 'example.com/custom-server:1.0.0'])(
    'accepts %s (new enough, unknown, or not the nats image)',
    (image) => {
      // given
      const t = topologyFrom({ image });
      // when / then
      expect(codes(imageVersion.check(factsOf(t)))).toEqual([]);
    },
  );
});
