import { describe, expect, it } from 'vitest';
import { isNatsImage, olderThan, parseImageRef, tagVersion } from './image-ref';

describe('image references', () => {
  it('splits registry, path, tag and digest', () => {
    // given / when / then
    expect(parseImageRef('nats:2.14.2-alpine')).toEqual({ registry: null, path: 'nats', tag: '2.14.2-alpine', digest: null });
    expect(parseImageRef('localhost:5000/team/nats')).toEqual({ registry: 'localhost:5000', path: 'team/nats', tag: null, digest: null });
    expect(parseImageRef(`docker.io/library/nats:2.10@sha256:${'a'.repeat(64)}`)).toEqual({
      registry: 'docker.io',
      path: 'library/nats',
      tag: '2.10',
      digest: `sha256:${'a'.repeat(64)}`,
    });
  });

  it.each(['', 'NATS:2.10', 'nats:2.10 alpine', 'nats:', 'nats@sha256:short', '/nats', 'nats//x'])('refuses %j', (text) => {
    // given / when / then
    expect(parseImageRef(text)).toBeNull();
  });

  it('recognises the nats image on Docker Hub and on mirrors', () => {
    // given / when / then
    expect(isNatsImage(parseImageRef('nats')!)).toBe(true);
    expect(isNatsImage(parseImageRef('harbor.example.com/dockerhub/library/nats:2.14.2')!)).toBe(true);
    expect(isNatsImage(parseImageRef('bitnami/nats:2.10.0')!)).toBe(true);
    expect(isNatsImage(parseImageRef('natsio/nats-box:0.19.7')!)).toBe(false);
  });

  it('reads versions from tags and treats floating tags by their newest release', () => {
    // given
    const min = { major: 2, minor: 9, patch: 10 };
    // when / then
    expect(tagVersion('2.9.3-alpine')).toEqual({ major: 2, minor: 9, patch: 3 });
    expect(tagVersion('v2.10')).toEqual({ major: 2, minor: 10, patch: null });
    expect(tagVersion('alpine3.22')).toBeNull();
    expect(tagVersion('latest')).toBeNull();
    expect(olderThan(tagVersion('2.9.9')!, min)).toBe(true);
    expect(olderThan(tagVersion('2.8-alpine')!, min)).toBe(true);
    expect(olderThan(tagVersion('1')!, min)).toBe(true);
    expect(olderThan(tagVersion('2.9.10')!, min)).toBe(false);
    expect(olderThan(tagVersion('2.9')!, min)).toBe(false);
    expect(olderThan(tagVersion('2.10.0')!, min)).toBe(false);
    expect(olderThan(tagVersion('3')!, min)).toBe(false);
  });
});
