import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { imagePlatform } from './image-platform';
import { factsOf } from '../../check/facts';

describe('image-platform', () => {
  it.each(['nats:2.14.2-nanoserver-ltsc2022', 'nats:2.10-windowsservercore-1809'])('reports Windows image %s', (image) => {
    // given
    const t = topologyFrom({ image });
    // when
    const problems = imagePlatform.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'IMAGE_WINDOWS', severity: 'error', target: { kind: 'topology', field: 'image' } })]);
  });

  it.each(['nats:2.14.2-alpine', 'nats:2.14.2-scratch', 'nats:2.14.2', 'nats'])('accepts Linux image %s', (image) => {
    // given
    const t = topologyFrom({ image });
    // when / then
    expect(codes(imagePlatform.check(factsOf(t)))).toEqual([]);
  });
});
